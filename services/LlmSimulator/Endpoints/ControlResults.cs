using Microsoft.AspNetCore.Http;
using Platform.LlmSimulator.OpenAi;

namespace Platform.LlmSimulator.Endpoints;

/// <summary>Control API errors, in the same OpenAI error shape as the completion endpoint.</summary>
public static class ControlResults
{
    public static IResult BadRequest(string message, string? param = null) =>
        Error(StatusCodes.Status400BadRequest, message, param, "invalid_value");

    public static IResult UnknownModel(string model) =>
        Error(StatusCodes.Status404NotFound, $"The model `{model}` does not exist (and Simulator:AcceptAnyModel is false).", "model", "model_not_found");

    private static IResult Error(int status, string message, string? param, string code) =>
        TypedResults.Json(
            new OpenAiErrorBody { Error = new OpenAiError { Message = message, Type = OpenAiErrors.InvalidRequest, Param = param, Code = code } },
            SimulatorJsonContext.Default.OpenAiErrorBody,
            statusCode: status);
}
