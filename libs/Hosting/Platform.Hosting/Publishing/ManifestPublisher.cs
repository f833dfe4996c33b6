using System.Text.Encodings.Web;
using System.Text.Json;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Publishing;

/// <summary>
/// Writes the Aspire deployment manifest (schema https://json.schemastore.org/aspire-8.0.json) that azd and
/// other tools deploy from: servers as <c>container.v0</c>, databases as <c>value.v0</c>, secrets as
/// <c>parameter.v0</c>, projects as <c>project.v0</c> with the runtime contract as <c>env</c> expressions.
/// </summary>
internal static class ManifestPublisher
{
    public const string SchemaUrl = "https://json.schemastore.org/aspire-8.0.json";

    public static void Write(DistributedApplicationModel model, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var stream = File.Create(path))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUrl);
            json.WriteStartObject("resources");
            var manifestDirectory = Path.GetDirectoryName(path)!;
            foreach (var resource in model.Resources)
            {
                json.WriteStartObject(resource.Name);
                ManifestResourceWriter.Write(json, resource, manifestDirectory);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        File.AppendAllText(path, "\n");
    }
}
