using System.Text.Json.Nodes;
using Platform.Hosting.Tests.Support;

namespace Platform.Hosting.Tests.Publishing;

public sealed class ManifestTests
{
    private const string Regenerate = "dotnet run --project AppHost -p:BuildResourceProjects=false -- --publisher manifest --output-path aspire-manifest.json";

    [Fact]
    public async Task Published_manifest_validates_against_the_aspire_schema()
    {
        var manifest = await PublishToTempAsync();

        var result = await NodeValidators.RunAsync("validate-manifest.mjs", RepositoryPaths.Of("tests", "Hosting.Tests", "Schemas", "aspire-8.0.json"), manifest);

        Assert.True(result.ExitCode == 0, $"The manifest does not match the Aspire 8.0 schema:\n{Truncate(result.All)}");
    }

    [Fact]
    public async Task Checked_in_manifest_is_exactly_what_the_AppHost_publishes()
    {
        var checkedIn = RepositoryPaths.Of("aspire-manifest.json");
        Assert.True(File.Exists(checkedIn), $"aspire-manifest.json is missing at the repository root. Regenerate it from the root with:\n  {Regenerate}");
        var published = await PublishToTempAsync();

        // Project paths are relative to the manifest's folder: compare them as absolute paths.
        var expected = WithAbsoluteProjectPaths(File.ReadAllText(published), Path.GetDirectoryName(published)!);
        var actual = WithAbsoluteProjectPaths(File.ReadAllText(checkedIn), RepositoryPaths.Root);

        Assert.True(expected == actual, $"aspire-manifest.json is out of date with AppHost/Program.cs. Regenerate it from the repository root with:\n  {Regenerate}");
    }

    [Fact]
    public async Task Projects_carry_the_runtime_contract_as_manifest_expressions()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(await PublishToTempAsync()))!["resources"]!;

        var routing = manifest["routing"]!;
        Assert.Equal("project.v0", (string?)routing["type"]);
        var env = routing["env"]!;
        Assert.Equal("{cache.connectionString}", (string?)env["ConnectionStrings__cache"]);
        Assert.Equal("{platformdb.connectionString}", (string?)env["ConnectionStrings__platformdb"]);
        Assert.Equal("{budget.bindings.grpc.url}", (string?)env["services__budget__grpc__0"]);
        Assert.Equal("{llm-sim.bindings.http.url}", (string?)env["services__llm-sim__http__0"]);
        Assert.Null(env["services__llm-sim__grpc__0"]);
        Assert.Equal("http://*:{routing.bindings.grpc.targetPort}", (string?)env["Kestrel__Endpoints__grpc__Url"]);
        Assert.Equal("{openai-api-key.value}", (string?)env["OPENAI_API_KEY"]);
        Assert.Equal("http2", (string?)routing["bindings"]!["grpc"]!["transport"]);
        Assert.Equal("http", (string?)routing["bindings"]!["http"]!["transport"]);

        Assert.Equal("{postgres.connectionString};Database=platformdb", (string?)manifest["platformdb"]!["connectionString"]);
        Assert.True((bool?)manifest["cache-password"]!["inputs"]!["value"]!["secret"]);
        Assert.Equal(22, (int?)manifest["cache-password"]!["inputs"]!["value"]!["default"]!["generate"]!["minLength"]);
        Assert.Equal("{cache-password.value}", (string?)manifest["cache"]!["env"]!["REDIS_PASSWORD"]);
    }

    private static async Task<string> PublishToTempAsync()
    {
        var directory = Directory.CreateTempSubdirectory("hosting-manifest-").FullName;
        return await AppHostPublisher.PublishAsync("manifest", Path.Combine(directory, "aspire-manifest.json"));
    }

    private static string WithAbsoluteProjectPaths(string manifestJson, string manifestDirectory)
    {
        var manifest = JsonNode.Parse(manifestJson)!;
        foreach (var (_, resource) in manifest["resources"]!.AsObject())
        {
            if (resource?["path"] is JsonValue path)
            {
                resource["path"] = Path.GetFullPath(Path.Combine(manifestDirectory, (string)path!));
            }
        }

        return manifest.ToJsonString();
    }

    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000] + "\n...";
}
