using System.Text.Json;
using Platform.Routing.Catalog;

namespace Platform.Routing.FrontDoor;

/// <summary><c>GET /v1/models</c>: the enabled catalog models in OpenAI's list shape.</summary>
internal sealed class ModelsEndpoint(ModelCatalog catalog)
{
    public async Task HandleAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        using (var json = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteString("object"u8, "list"u8);
            json.WriteStartArray("data"u8);
            foreach (var model in catalog.Current.Models.Where(m => m.Enabled))
            {
                json.WriteStartObject();
                json.WriteString("id"u8, model.Name);
                json.WriteString("object"u8, "model"u8);
                json.WriteNumber("created"u8, model.CreateTime is { } created ? new DateTimeOffset(created).ToUnixTimeSeconds() : 0);
                json.WriteString("owned_by"u8, model.Provider);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}
