using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Publishing.Kubernetes;

/// <summary>
/// A project in a cluster: ConfigMap (plain environment), Deployment (non-root, read-only root, probes:
/// readiness = grpc.health.v1 on the grpc port or <c>/health</c>, liveness = <c>/alive</c>), Service and,
/// unless opted out, a HorizontalPodAutoscaler. The image is the project's container repository name
/// (<c>dotnet publish /t:PublishContainer</c> default), retagged with <c>kustomize edit set image</c>.
/// </summary>
internal static class ProjectObjects
{
    private const int DotNetAppUser = 1654;

    public static IEnumerable<YamlMap> For(ProjectResource project, string secretName)
    {
        var (configData, env) = KubernetesEnvironment.Split(ProjectEnvironment.For(project, EnvironmentTarget.Published), secretName);
        var configMapName = $"{project.Name}-env";
        var autoscaled = !project.Annotations.OfType<NoAutoscalingAnnotation>().Any();

        yield return KubernetesObjects.ConfigMap(configMapName, project.Name, configData);
        yield return Deployment(project, configMapName, env, autoscaled);
        yield return Service(project);
        if (autoscaled)
        {
            yield return AutoscalingPolicy.HorizontalPodAutoscaler(project.Name);
        }
    }

    public static string ImageName(ProjectResource project) =>
        Path.GetFileNameWithoutExtension(project.Metadata.ProjectPath).ToLowerInvariant();

    private static YamlMap Deployment(ProjectResource project, string configMapName, List<object> env, bool autoscaled) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = KubernetesObjects.Metadata(project.Name),
        ["spec"] = new YamlMap
        {
            // With an autoscaler the replica count is its business; writing one here would reset it on every apply.
            ["replicas"] = autoscaled ? null : project.Replicas,
            ["selector"] = new YamlMap { ["matchLabels"] = KubernetesObjects.Selector(project.Name) },
            ["template"] = new YamlMap
            {
                ["metadata"] = new YamlMap { ["labels"] = KubernetesObjects.Selector(project.Name) },
                ["spec"] = new YamlMap
                {
                    ["securityContext"] = KubernetesObjects.PodSecurity(DotNetAppUser),
                    ["containers"] = new object[] { Container(project, configMapName, env) },
                    ["volumes"] = new object[] { new YamlMap { ["name"] = "tmp", ["emptyDir"] = new YamlMap() } },
                },
            },
        },
    };

    private static YamlMap Container(ProjectResource project, string configMapName, List<object> env) => new()
    {
        ["name"] = project.Name,
        ["image"] = $"{ImageName(project)}:latest",
        ["imagePullPolicy"] = "IfNotPresent",
        ["ports"] = project.GetEndpoints()
            .Select(e => (object)new YamlMap { ["name"] = e.Name, ["containerPort"] = TargetPort(project, e), ["protocol"] = "TCP" })
            .ToList(),
        ["envFrom"] = new object[] { new YamlMap { ["configMapRef"] = new YamlMap { ["name"] = configMapName } } },
        ["env"] = env.Count > 0 ? env : null,
        ["readinessProbe"] = ReadinessProbe(project),
        ["livenessProbe"] = HttpProbe("/alive", periodSeconds: 10, failureThreshold: 3),
        ["startupProbe"] = HttpProbe("/alive", periodSeconds: 2, failureThreshold: 30),
        ["resources"] = KubernetesObjects.Resources("250m", "256Mi", "1", "512Mi"),
        ["securityContext"] = KubernetesObjects.ContainerSecurity(readOnlyRootFilesystem: true),
        ["volumeMounts"] = new object[] { new YamlMap { ["name"] = "tmp", ["mountPath"] = "/tmp" } },
    };

    private static YamlMap ReadinessProbe(ProjectResource project)
    {
        var grpc = project.GetEndpoints().FirstOrDefault(e => e.Transport == "http2");
        if (grpc is null)
        {
            return HttpProbe("/health", periodSeconds: 5, failureThreshold: 3);
        }

        return new YamlMap
        {
            ["grpc"] = new YamlMap { ["port"] = TargetPort(project, grpc) },
            ["periodSeconds"] = 5,
            ["failureThreshold"] = 3,
        };
    }

    private static YamlMap HttpProbe(string path, int periodSeconds, int failureThreshold) => new()
    {
        ["httpGet"] = new YamlMap { ["path"] = path, ["port"] = "http" },
        ["periodSeconds"] = periodSeconds,
        ["failureThreshold"] = failureThreshold,
    };

    private static YamlMap Service(ProjectResource project) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = KubernetesObjects.Metadata(project.Name),
        ["spec"] = new YamlMap
        {
            ["selector"] = KubernetesObjects.Selector(project.Name),
            ["ports"] = project.GetEndpoints().Select(e => (object)new YamlMap
            {
                ["name"] = e.Name,
                ["port"] = TargetPort(project, e),
                ["targetPort"] = e.Name,
                ["protocol"] = "TCP",
                ["appProtocol"] = e.Transport == "http2" ? "kubernetes.io/h2c" : "http",
            }).ToList(),
        },
    };

    private static int TargetPort(ProjectResource project, EndpointAnnotation endpoint) =>
        endpoint.TargetPort ?? throw new DistributedApplicationException($"Endpoint '{project.Name}/{endpoint.Name}' needs a target port to be published.");
}
