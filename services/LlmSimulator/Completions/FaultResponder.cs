using System.Globalization;
using Microsoft.AspNetCore.Http;
using Platform.LlmSimulator.Faults;
using Platform.LlmSimulator.Models;
using Platform.LlmSimulator.OpenAi;
using Platform.LlmSimulator.Stats;

namespace Platform.LlmSimulator.Completions;

/// <summary>Carries out the faults that replace an answer: 429, 5xx and a dropped connection. Errors come back at once, as real providers' do.</summary>
public static class FaultResponder
{
    public static async Task<RequestOutcome> RespondAsync(HttpContext http, ModelState model, FaultAction fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.RateLimited:
                var seconds = Math.Max(0, fault.RetryAfterSeconds);
                // Retry-After must be whole seconds; retry-after-ms (which OpenAI also sends) keeps the precision.
                http.Response.Headers.RetryAfter = ((long)Math.Ceiling(seconds)).ToString(CultureInfo.InvariantCulture);
                http.Response.Headers["retry-after-ms"] = ((long)Math.Round(seconds * 1000)).ToString(CultureInfo.InvariantCulture);
                http.Response.Headers["x-ratelimit-remaining-requests"] = "0";
                await OpenAiErrors.RateLimitedAsync(http, model.Name);
                model.Stats.Responded(StatusCodes.Status429TooManyRequests);
                return RequestOutcome.RateLimited;
            case FaultKind.ServerError:
                await OpenAiErrors.ServerErrorAsync(http, fault.StatusCode);
                model.Stats.Responded(fault.StatusCode);
                return RequestOutcome.ServerError;
            case FaultKind.DropConnection:
                http.Abort();
                return RequestOutcome.Dropped;
            default:
                throw new InvalidOperationException($"{fault.Kind} is not answered by {nameof(FaultResponder)}.");
        }
    }
}
