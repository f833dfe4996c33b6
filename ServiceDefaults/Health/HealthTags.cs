namespace Platform.ServiceDefaults.Health;

/// <summary>
/// Liveness checks say the process can make progress (restart it otherwise); readiness checks say
/// its dependencies answer (stop sending it traffic otherwise). Every check is a readiness check.
/// </summary>
public static class HealthTags
{
    public const string Live = "live";
}
