using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Publishing.Kubernetes;

/// <summary>
/// Redis and PostgreSQL as single-replica StatefulSets with a PersistentVolumeClaim template and a headless
/// Service named after the resource (so <c>cache:6379</c> and <c>postgres:5432</c> resolve to the pod).
/// Passwords come from the Secret; the official images' unprivileged user (999) owns the data.
/// </summary>
internal static class ServerObjects
{
    private const int ImageUser = 999;

    public static IEnumerable<YamlMap> For(RedisResource redis, string secretName)
    {
        var port = redis.FindEndpoint(RedisResource.EndpointName)!.TargetPort!.Value;
        yield return HeadlessService(redis.Name, port);
        yield return StatefulSet(redis.Name, "1Gi", new YamlMap
        {
            ["name"] = "redis",
            ["image"] = $"{RedisResource.Image}:{RedisResource.ImageTag}",

            // The image's entrypoint prepends redis-server to arguments that start with '--'.
            ["args"] = new object[] { "--requirepass", "$(REDIS_PASSWORD)", "--appendonly", "yes", "--dir", "/data" },
            ["env"] = new object[] { KubernetesEnvironment.FromSecret("REDIS_PASSWORD", redis.Password, secretName) },
            ["ports"] = new object[] { Port(port) },
            ["readinessProbe"] = ExecProbe("redis-cli -a \"$REDIS_PASSWORD\" --no-auth-warning ping | grep -q PONG"),
            ["livenessProbe"] = new YamlMap { ["tcpSocket"] = new YamlMap { ["port"] = "tcp" }, ["periodSeconds"] = 10 },
            ["resources"] = KubernetesObjects.Resources("100m", "128Mi", "500m", "512Mi"),
            ["securityContext"] = KubernetesObjects.ContainerSecurity(readOnlyRootFilesystem: false),
            ["volumeMounts"] = new object[] { Mount("data", "/data") },
        });
    }

    public static IEnumerable<YamlMap> For(PostgresServerResource postgres, string secretName)
    {
        var port = postgres.FindEndpoint(PostgresServerResource.EndpointName)!.TargetPort!.Value;
        var initScripts = $"{postgres.Name}-initdb";
        yield return HeadlessService(postgres.Name, port);
        yield return KubernetesObjects.ConfigMap(initScripts, postgres.Name, new YamlMap
        {
            ["create-databases.sql"] = string.Concat(postgres.Databases.Select(d => $"CREATE DATABASE \"{d.DatabaseName.Replace("\"", "\"\"")}\";\n")),
        });
        yield return StatefulSet(postgres.Name, "5Gi", new YamlMap
        {
            ["name"] = "postgres",
            ["image"] = $"{PostgresServerResource.Image}:{PostgresServerResource.ImageTag}",
            ["env"] = new object[]
            {
                new YamlMap { ["name"] = "POSTGRES_USER", ["value"] = postgres.UserName },
                KubernetesEnvironment.FromSecret("POSTGRES_PASSWORD", postgres.Password, secretName),
                new YamlMap { ["name"] = "POSTGRES_HOST_AUTH_METHOD", ["value"] = "scram-sha-256" },
                new YamlMap { ["name"] = "POSTGRES_INITDB_ARGS", ["value"] = "--auth-host=scram-sha-256 --auth-local=scram-sha-256" },

                // A subfolder: the volume's root may hold lost+found, which initdb refuses.
                new YamlMap { ["name"] = "PGDATA", ["value"] = "/var/lib/postgresql/data/pgdata" },
            },
            ["ports"] = new object[] { Port(port) },
            ["readinessProbe"] = ExecProbe($"pg_isready -U {postgres.UserName} -h 127.0.0.1 -p {port}"),
            ["livenessProbe"] = new YamlMap { ["tcpSocket"] = new YamlMap { ["port"] = "tcp" }, ["periodSeconds"] = 10 },
            ["resources"] = KubernetesObjects.Resources("250m", "256Mi", "1", "1Gi"),
            ["securityContext"] = KubernetesObjects.ContainerSecurity(readOnlyRootFilesystem: false),
            ["volumeMounts"] = new object[] { Mount("data", "/var/lib/postgresql/data"), Mount("initdb", "/docker-entrypoint-initdb.d") },
        }, extraVolumes: [new YamlMap { ["name"] = "initdb", ["configMap"] = new YamlMap { ["name"] = initScripts } }]);
    }

    private static YamlMap HeadlessService(string name, int port) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = KubernetesObjects.Metadata(name),
        ["spec"] = new YamlMap
        {
            ["clusterIP"] = "None",
            ["selector"] = KubernetesObjects.Selector(name),
            ["ports"] = new object[] { new YamlMap { ["name"] = "tcp", ["port"] = port, ["targetPort"] = "tcp", ["protocol"] = "TCP" } },
        },
    };

    private static YamlMap StatefulSet(string name, string storage, YamlMap container, object[]? extraVolumes = null) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "StatefulSet",
        ["metadata"] = KubernetesObjects.Metadata(name),
        ["spec"] = new YamlMap
        {
            ["serviceName"] = name,
            ["replicas"] = 1,
            ["selector"] = new YamlMap { ["matchLabels"] = KubernetesObjects.Selector(name) },
            ["template"] = new YamlMap
            {
                ["metadata"] = new YamlMap { ["labels"] = KubernetesObjects.Selector(name) },
                ["spec"] = new YamlMap
                {
                    ["securityContext"] = KubernetesObjects.PodSecurity(ImageUser),
                    ["containers"] = new object[] { container },
                    ["volumes"] = extraVolumes,
                },
            },
            ["volumeClaimTemplates"] = new object[] { KubernetesObjects.PersistentVolumeClaimTemplate("data", storage) },
        },
    };

    private static YamlMap Port(int port) => new() { ["name"] = "tcp", ["containerPort"] = port, ["protocol"] = "TCP" };

    private static YamlMap Mount(string name, string path) => new() { ["name"] = name, ["mountPath"] = path };

    private static YamlMap ExecProbe(string shellCommand) => new()
    {
        ["exec"] = new YamlMap { ["command"] = new object[] { "sh", "-c", shellCommand } },
        ["periodSeconds"] = 5,
        ["failureThreshold"] = 6,
    };
}
