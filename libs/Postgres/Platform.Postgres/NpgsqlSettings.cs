namespace Platform.Postgres;

/// <summary>What <c>AddNpgsqlDataSource</c> reads; the subset of Aspire.Npgsql's settings we use.</summary>
public sealed class NpgsqlSettings
{
    /// <summary>Taken from <c>ConnectionStrings:{connectionName}</c> unless set by the caller.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Leave out the readiness check named <c>postgres</c>.</summary>
    public bool DisableHealthChecks { get; set; }

    /// <summary>Bounds the readiness probe, so a hung server reads as unhealthy rather than stalling /health.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
