using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Platform.LlmSimulator.Endpoints;

/// <summary>
/// <c>/health</c> (ready) and <c>/alive</c> (live), the paths every platform service serves. The
/// simulator has no dependencies, so being able to answer is the whole check.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Text("Healthy"));
        app.MapGet("/alive", () => TypedResults.Text("Healthy"));
        return app;
    }
}
