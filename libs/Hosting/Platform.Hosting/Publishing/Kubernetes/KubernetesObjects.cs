namespace Platform.Hosting.Publishing.Kubernetes;

/// <summary>Pieces every object shares: names and labels, resource budgets, security contexts.</summary>
internal static class KubernetesObjects
{
    public const string NameLabel = "app.kubernetes.io/name";

    /// <param name="app">The resource the object belongs to (its name label); defaults to <paramref name="name"/>.</param>
    public static YamlMap Metadata(string name, string? app = null) => new()
    {
        ["name"] = name,
        ["labels"] = Selector(app ?? name),
    };

    public static YamlMap Selector(string name) => new() { [NameLabel] = name };

    public static YamlMap Resources(string cpuRequest, string memoryRequest, string cpuLimit, string memoryLimit) => new()
    {
        ["requests"] = new YamlMap { ["cpu"] = cpuRequest, ["memory"] = memoryRequest },
        ["limits"] = new YamlMap { ["cpu"] = cpuLimit, ["memory"] = memoryLimit },
    };

    /// <summary>Pods run as the image's unprivileged user (1654 is <c>app</c> in the .NET images, 999 in redis/postgres).</summary>
    public static YamlMap PodSecurity(int userId) => new()
    {
        ["runAsNonRoot"] = true,
        ["runAsUser"] = userId,
        ["runAsGroup"] = userId,
        ["fsGroup"] = userId,
        ["seccompProfile"] = new YamlMap { ["type"] = "RuntimeDefault" },
    };

    public static YamlMap ContainerSecurity(bool readOnlyRootFilesystem) => new()
    {
        ["allowPrivilegeEscalation"] = false,
        ["readOnlyRootFilesystem"] = readOnlyRootFilesystem,
        ["capabilities"] = new YamlMap { ["drop"] = new object[] { "ALL" } },
    };

    public static YamlMap ConfigMap(string name, string app, YamlMap data) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = Metadata(name, app),
        ["data"] = data,
    };

    public static YamlMap PersistentVolumeClaimTemplate(string name, string size) => new()
    {
        ["metadata"] = new YamlMap { ["name"] = name },
        ["spec"] = new YamlMap
        {
            ["accessModes"] = new object[] { "ReadWriteOnce" },
            ["resources"] = new YamlMap { ["requests"] = new YamlMap { ["storage"] = size } },
        },
    };
}
