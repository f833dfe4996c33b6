using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Platform.LlmSimulator.Endpoints;

/// <summary>Reads a control body with the source-generated serialiser, turning bad JSON into a message instead of an exception.</summary>
public static class JsonBody
{
    public static async Task<(T? Value, string? Error)> ReadAsync<T>(HttpContext http, JsonTypeInfo<T> type) where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync(http.Request.Body, type, http.RequestAborted);
            return value is null ? (null, "The request body must be a JSON object.") : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, $"We could not parse the JSON body of your request. ({ex.Message})");
        }
    }
}
