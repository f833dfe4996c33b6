using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Publishing.Kubernetes;

/// <summary>
/// Writes a kustomize directory: one YAML file per server and project, <c>kustomization.yaml</c>, and the
/// Secret's inputs. Secret values never enter the directory: <c>secretGenerator</c> reads <c>secrets.env</c>
/// (gitignored; <c>generate-secrets.sh</c> creates it, <c>secrets.env.example</c> lists its keys) at deploy time.
/// </summary>
internal static class KubernetesPublisher
{
    public const string SecretsFile = "secrets.env";

    public static void Write(DistributedApplicationModel model, string directory)
    {
        Directory.CreateDirectory(directory);
        var secretName = $"{model.ApplicationName.ToLowerInvariant()}-secrets";
        var resourceFiles = new List<string>();
        foreach (var resource in model.Resources)
        {
            var objects = resource switch
            {
                RedisResource redis => ServerObjects.For(redis, secretName),
                PostgresServerResource postgres => ServerObjects.For(postgres, secretName),
                ProjectResource project => ProjectObjects.For(project, secretName),
                PostgresDatabaseResource or ParameterResource => null,
                _ => throw new DistributedApplicationException($"Resource '{resource.Name}' ({resource.GetType().Name}) has no Kubernetes form."),
            };
            if (objects is not null)
            {
                var file = $"{resource.Name}.yaml";
                WriteText(directory, file, YamlWriter.Write(objects));
                resourceFiles.Add(file);
            }
        }

        var secrets = model.OfType<ParameterResource>().Where(p => p.Secret).ToList();
        WriteText(directory, "kustomization.yaml", YamlWriter.Write(Kustomization(model, resourceFiles, secretName)));
        WriteText(directory, $"{SecretsFile}.example", SecretFiles.Example(secrets, secretName));
        WriteText(directory, "generate-secrets.sh", SecretFiles.GenerateScript(secrets));
        WriteText(directory, ".gitignore", $"{SecretsFile}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(directory, "generate-secrets.sh"),
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    private static YamlMap Kustomization(DistributedApplicationModel model, List<string> resourceFiles, string secretName) => new()
    {
        ["apiVersion"] = "kustomize.config.k8s.io/v1beta1",
        ["kind"] = "Kustomization",
        ["labels"] = new object[]
        {
            new YamlMap
            {
                ["pairs"] = new YamlMap { ["app.kubernetes.io/part-of"] = model.ApplicationName.ToLowerInvariant() },
                ["includeTemplates"] = true,
            },
        },
        ["resources"] = resourceFiles.Cast<object>().ToList(),
        ["secretGenerator"] = new object[]
        {
            new YamlMap { ["name"] = secretName, ["envs"] = new object[] { SecretsFile } },
        },
    };

    private static void WriteText(string directory, string file, string text) =>
        File.WriteAllText(Path.Combine(directory, file), text);
}
