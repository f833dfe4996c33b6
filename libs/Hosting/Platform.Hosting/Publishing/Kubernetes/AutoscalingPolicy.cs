namespace Platform.Hosting.Publishing.Kubernetes;

/// <summary>
/// The HorizontalPodAutoscaler every service gets (autoscaling/v2). The numbers come from the field report on
/// running agent fleets on Kubernetes: 3..20 pods on CPU 70% / memory 80%; scale up fast (no stabilization,
/// +100% per 15 s), scale down slowly (5 min stabilization, -50% per 60 s).
/// </summary>
internal static class AutoscalingPolicy
{
    public const int MinReplicas = 3;
    public const int MaxReplicas = 20;
    public const int CpuUtilization = 70;
    public const int MemoryUtilization = 80;

    public static YamlMap HorizontalPodAutoscaler(string name) => new()
    {
        ["apiVersion"] = "autoscaling/v2",
        ["kind"] = "HorizontalPodAutoscaler",
        ["metadata"] = KubernetesObjects.Metadata(name),
        ["spec"] = new YamlMap
        {
            ["scaleTargetRef"] = new YamlMap { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = name },
            ["minReplicas"] = MinReplicas,
            ["maxReplicas"] = MaxReplicas,
            ["metrics"] = new object[] { Utilization("cpu", CpuUtilization), Utilization("memory", MemoryUtilization) },
            ["behavior"] = new YamlMap
            {
                ["scaleDown"] = Rules(stabilizationWindowSeconds: 300, percent: 50, periodSeconds: 60),
                ["scaleUp"] = Rules(stabilizationWindowSeconds: 0, percent: 100, periodSeconds: 15),
            },
        },
    };

    private static YamlMap Utilization(string resource, int percent) => new()
    {
        ["type"] = "Resource",
        ["resource"] = new YamlMap
        {
            ["name"] = resource,
            ["target"] = new YamlMap { ["type"] = "Utilization", ["averageUtilization"] = percent },
        },
    };

    private static YamlMap Rules(int stabilizationWindowSeconds, int percent, int periodSeconds) => new()
    {
        ["stabilizationWindowSeconds"] = stabilizationWindowSeconds,
        ["policies"] = new object[] { new YamlMap { ["type"] = "Percent", ["value"] = percent, ["periodSeconds"] = periodSeconds } },
    };
}
