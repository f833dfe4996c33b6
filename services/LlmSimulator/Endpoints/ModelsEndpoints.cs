using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.LlmSimulator.Completions;
using Platform.LlmSimulator.Models;
using Platform.LlmSimulator.OpenAi;

namespace Platform.LlmSimulator.Endpoints;

/// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{model}</c> in OpenAI's format.</summary>
public static class ModelsEndpoints
{
    public static IEndpointRouteBuilder MapModelsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/models", async (HttpContext http, ModelCatalog catalog) =>
        {
            if (!ApiKeyCheck.IsAuthorized(http, catalog.GlobalApiKey, out var keyGiven))
            {
                await OpenAiErrors.UnauthorizedAsync(http, keyGiven);
                return;
            }
            var data = new List<ModelEntry>();
            foreach (var model in catalog.All)
            {
                data.Add(Entry(model));
            }
            data.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
            await http.Response.WriteAsJsonAsync(new ModelList { Data = data }, SimulatorJsonContext.Default.ModelList, contentType: null, http.RequestAborted);
        });

        app.MapGet("/v1/models/{**model}", async (string model, HttpContext http, ModelCatalog catalog) =>
        {
            if (!ApiKeyCheck.IsAuthorized(http, catalog.GlobalApiKey, out var keyGiven))
            {
                await OpenAiErrors.UnauthorizedAsync(http, keyGiven);
                return;
            }
            if (!catalog.TryGet(model, out var state))
            {
                await OpenAiErrors.ModelNotFoundAsync(http, model);
                return;
            }
            await http.Response.WriteAsJsonAsync(Entry(state), SimulatorJsonContext.Default.ModelEntry, contentType: null, http.RequestAborted);
        });
        return app;
    }

    private static ModelEntry Entry(ModelState model) => new()
    {
        Id = model.Name,
        Created = model.CreatedUnixSeconds,
        OwnedBy = model.Profile.OwnedBy,
    };
}
