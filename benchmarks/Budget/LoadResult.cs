namespace Platform.Budget.Benchmarks;

/// <summary>One measured run: pairs per second and pair latency percentiles.</summary>
internal sealed record LoadResult(double PairsPerSecond, double P50Ms, double P99Ms, long Pairs, long Failures, long Denials)
{
    /// <summary>CPU microseconds per pair: service process, redis-server, load generator (0 when not measured).</summary>
    public (double Service, double Redis, double Client) CpuPerPair { get; init; }
}
