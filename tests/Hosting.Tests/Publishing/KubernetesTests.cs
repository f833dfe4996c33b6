using Platform.Hosting.Tests.Support;

namespace Platform.Hosting.Tests.Publishing;

public sealed class KubernetesTests
{
    private const string Regenerate = "dotnet run --project AppHost -p:BuildResourceProjects=false -- --publisher kubernetes --output-path deploy/k8s";

    [Fact]
    public async Task Checked_in_deploy_folder_is_exactly_what_the_AppHost_publishes()
    {
        var published = await PublishToTempAsync();
        var checkedIn = RepositoryPaths.Of("deploy", "k8s");

        var expectedFiles = Files(published);
        var actualFiles = Files(checkedIn).Where(f => f != "secrets.env").ToList();

        Assert.True(expectedFiles.SequenceEqual(actualFiles),
            $"deploy/k8s holds [{string.Join(", ", actualFiles)}] but the AppHost publishes [{string.Join(", ", expectedFiles)}]. Regenerate from the repository root with:\n  {Regenerate}");
        foreach (var file in expectedFiles)
        {
            Assert.True(File.ReadAllText(Path.Combine(published, file)) == File.ReadAllText(Path.Combine(checkedIn, file)),
                $"deploy/k8s/{file} is out of date with AppHost/Program.cs. Regenerate from the repository root with:\n  {Regenerate}");
        }
    }

    [Fact]
    public async Task Every_published_object_validates_against_the_Kubernetes_schemas()
    {
        var published = await PublishToTempAsync();
        var objects = Directory.GetFiles(published, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml").Order().ToArray();

        var result = await NodeValidators.RunAsync("validate-k8s.mjs", objects);

        Assert.True(result.ExitCode == 0, $"Invalid Kubernetes objects:\n{result.All}");
        foreach (var kind in new[] { "Deployment/budget", "Service/budget", "HorizontalPodAutoscaler/budget", "ConfigMap/budget-env", "StatefulSet/cache", "StatefulSet/postgres" })
        {
            Assert.Contains(kind, result.Output);
        }
    }

    [Fact]
    public async Task Kustomize_renders_the_folder_with_a_generated_secret_and_the_result_validates()
    {
        var published = await PublishToTempAsync();
        var secrets = await CommandLine.RunAsync("sh", ["generate-secrets.sh"], published, TimeSpan.FromMinutes(1));
        Assert.True(secrets.ExitCode == 0, secrets.All);
        var secretLines = File.ReadAllLines(Path.Combine(published, "secrets.env"));
        Assert.Matches("^cache-password=[A-Za-z0-9]{22}$", secretLines.Single(l => l.StartsWith("cache-password=", StringComparison.Ordinal)));
        Assert.Contains("openai-api-key=", secretLines);

        var render = await CommandLine.RunAsync("kubectl", ["kustomize", published], published, TimeSpan.FromMinutes(2));
        Assert.True(render.ExitCode == 0, $"kubectl kustomize failed:\n{render.All}");
        var rendered = Path.Combine(published, "rendered.yaml");
        File.WriteAllText(rendered, render.Output);

        var result = await NodeValidators.RunAsync("validate-k8s.mjs", rendered);

        Assert.True(result.ExitCode == 0, $"Invalid Kubernetes objects after kustomize:\n{result.All}");
        var secretName = System.Text.RegularExpressions.Regex.Match(render.Output, @"kind: Secret\s+metadata:\s+(?:[^\n]*\n\s+)*?name: (apphost-secrets-[a-z0-9]+)").Groups[1].Value;
        Assert.NotEmpty(secretName);
        Assert.DoesNotContain("name: apphost-secrets\n", render.Output);
    }

    [Fact]
    public async Task Services_scale_with_the_field_reports_autoscaler_and_the_simulator_does_not()
    {
        var published = await PublishToTempAsync();
        var budget = File.ReadAllText(Path.Combine(published, "budget.yaml"));
        var simulator = File.ReadAllText(Path.Combine(published, "llm-sim.yaml"));

        Assert.Contains("kind: HorizontalPodAutoscaler", budget);
        foreach (var expected in new[] { "minReplicas: 3", "maxReplicas: 20", "averageUtilization: 70", "averageUtilization: 80", "stabilizationWindowSeconds: 300", "stabilizationWindowSeconds: 0", "periodSeconds: 15" })
        {
            Assert.Contains(expected, budget);
        }

        Assert.Contains("grpc:\n              port: 8081", budget);
        Assert.DoesNotContain("kind: HorizontalPodAutoscaler", simulator);
        Assert.Contains("replicas: 1", simulator);
        Assert.DoesNotContain("password=", budget.Replace("password=$(PARAM_CACHE_PASSWORD)", "", StringComparison.Ordinal));
    }

    private static async Task<string> PublishToTempAsync() =>
        await AppHostPublisher.PublishAsync("kubernetes", Directory.CreateTempSubdirectory("hosting-k8s-").FullName);

    private static List<string> Files(string directory) =>
        Directory.GetFiles(directory).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();
}
