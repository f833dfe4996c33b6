using System.Collections.Concurrent;
using System.Globalization;
using Platform.Redis;
using Platform.Routing.Health;

namespace Platform.Routing.Limits;

/// <summary>
/// The shared, cross-replica state of every model in Redis: admission (breaker, concurrency lease,
/// RPM/TPM), the record of each attempt's end, and the health read-back. One script call each.
/// </summary>
public sealed class SharedLimits(IRedisDatabase redis, LimitOptions limits, BreakerOptions breaker, HealthOptions health)
{
    private readonly ConcurrentDictionary<string, ModelKeys> _keys = new(StringComparer.Ordinal);
    private readonly RedisValue _windowMs = (long)limits.Window.TotalMilliseconds;
    private readonly RedisValue _buckets = limits.Buckets;

    public ModelKeys KeysFor(string model) => _keys.GetOrAdd(model, static (name, prefix) => new ModelKeys(prefix, name), limits.KeyPrefix);

    public async ValueTask<Admission> AdmitAsync(
        string model, int maxConcurrency, int rpmLimit, long tpmLimit, long estimatedTokens, TimeSpan attemptTimeout, CancellationToken cancellationToken)
    {
        var leaseId = Guid.NewGuid().ToString("N");
        var leaseTtl = (long)(attemptTimeout + limits.LeaseMargin).TotalMilliseconds;
        var result = await redis.ScriptEvaluateAsync(LimitScripts.Admit, KeysFor(model).Admit,
        [
            leaseId, leaseTtl, maxConcurrency, rpmLimit, tpmLimit, estimatedTokens, _windowMs, _buckets, leaseTtl,
        ], cancellationToken);
        var values = result.ToArray();
        return new Admission(
            (AdmissionCode)(long)values[0],
            TimeSpan.FromMilliseconds((long)values[1]),
            leaseId,
            (long)values[2] == 1,
            (long)values[3],
            estimatedTokens);
    }

    /// <summary>Returns the lease and updates TPM, statistics and the breaker. Returns the breaker's new state.</summary>
    public async ValueTask<Vocabulary.BreakerState> CompleteAsync(
        string model, Admission admission, AttemptOutcomeKind outcome, long actualTokens, TimeSpan latency, TimeSpan? timeToFirstToken,
        string error, CancellationToken cancellationToken)
    {
        var correction = outcome == AttemptOutcomeKind.Success ? actualTokens - admission.EstimatedTokens : 0;
        var result = await redis.ScriptEvaluateAsync(LimitScripts.Complete, KeysFor(model).Complete,
        [
            admission.LeaseId, (int)outcome, admission.IsProbe ? 1 : 0, admission.Bucket, correction,
            LatencyBins.Bin(latency.TotalMilliseconds), timeToFirstToken is { } ttft ? LatencyBins.Bin(ttft.TotalMilliseconds) : -1,
            error.Length > 200 ? error[..200] : error,
            breaker.ConsecutiveFailures, (long)breaker.Window.TotalMilliseconds, breaker.MinimumRequests, breaker.FailureRatePercent,
            (long)breaker.Cooldown.TotalMilliseconds, (long)health.BucketLength.TotalMilliseconds, health.BucketCount, _windowMs,
        ], cancellationToken);
        return (Vocabulary.BreakerState)(long)result;
    }

    public async ValueTask<ModelHealthSnapshot> ReadHealthAsync(string model, CancellationToken cancellationToken)
    {
        var result = await redis.ScriptEvaluateAsync(LimitScripts.Health, KeysFor(model).Health, [_windowMs, _buckets], cancellationToken);
        return HealthReading.Parse(model, result.ToArray(), health);
    }
}
