using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Platform.Routing.Budgeting;
using Platform.Routing.Concurrency;
using Platform.Routing.Health;
using Platform.Routing.Limits;
using Platform.Routing.Telemetry;
using Platform.Routing.Upstream;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Completions;

/// <summary>
/// Ends an attempt everywhere it left a trace: the adaptive limiter (with its latency lesson), the shared
/// lease, statistics and breaker in Redis (not awaited: the caller's reply does not wait for it), and the
/// budget hold (committed with what was used, or released).
/// </summary>
public sealed partial class AttemptSettler(
    SharedLimits limits, SettlementQueue settlements, ModelHealthBoard board, BreakerOptions breaker,
    RoutingInstruments instruments, TimeProvider time, ILogger<AttemptSettler> logger)
{
    public AttemptRecord Succeeded(ActiveAttempt attempt, UpstreamUsage usage, TimeSpan? timeToFirstToken)
    {
        var latency = Stopwatch.GetElapsedTime(attempt.StartedTimestamp);
        // A stream's length depends on its answer; its time to first token is what provider queueing moves.
        attempt.Limiter.Release(timeToFirstToken ?? latency, LimiterSignal.Sample);
        Record(attempt, AttemptOutcomeKind.Success, usage.TotalTokens, latency, timeToFirstToken, "");
        settlements.Commit(attempt.Hold.ReservationId, usage, attempt.Model.CostMicros(usage.InputTokens, usage.OutputTokens), attempt.Model.Name);
        instruments.Attempt(attempt.Model.Name, AttemptStatus.Ok);
        board.Update(attempt.Model.Name, s => s with { LastSuccessTime = time.GetUtcNow().UtcDateTime });
        return new AttemptRecord(attempt.Model.Name, attempt.Model.Provider, AttemptStatus.Ok, 200, (long)latency.TotalMilliseconds, attempt.BackoffMs, "");
    }

    /// <param name="usedSoFar">Tokens a broken or cancelled stream already produced: committed, since the provider bills them.</param>
    public AttemptRecord Failed(ActiveAttempt attempt, UpstreamFailure failure, UpstreamUsage? usedSoFar = null)
    {
        var latency = Stopwatch.GetElapsedTime(attempt.StartedTimestamp);
        attempt.Limiter.Release(latency, failure.Status is AttemptStatus.RateLimited or AttemptStatus.Timeout ? LimiterSignal.Overload : LimiterSignal.Ignore);
        Record(attempt, OutcomeOf(failure), usedSoFar?.TotalTokens ?? 0, latency, null, failure.ToString());
        if (usedSoFar is { OutputTokens: > 0 } used)
            settlements.Commit(attempt.Hold.ReservationId, used, attempt.Model.CostMicros(used.InputTokens, used.OutputTokens), attempt.Model.Name);
        else
            settlements.Release(attempt.Hold.ReservationId, failure.Status == AttemptStatus.Cancelled ? ReleaseKind.Cancelled : ReleaseKind.CallFailed, failure.ToString());
        instruments.Attempt(attempt.Model.Name, failure.Status);
        if (failure.Status == AttemptStatus.RateLimited)
            instruments.RateLimitHit(attempt.Model.Name, byProvider: true);
        return new AttemptRecord(attempt.Model.Name, attempt.Model.Provider, failure.Status, failure.HttpStatus, (long)latency.TotalMilliseconds, attempt.BackoffMs, failure.Message);
    }

    /// <summary>Hands back a lease that was never used for a provider call (the budget refused, or the retry budget is spent).</summary>
    public void Abandon(string model, Admission admission, AdaptiveLimiter limiter)
    {
        limiter.Release(TimeSpan.Zero, LimiterSignal.Ignore);
        Record(model, admission, AttemptOutcomeKind.Neutral, 0, TimeSpan.Zero, null, "");
    }

    public static AttemptOutcomeKind OutcomeOf(UpstreamFailure failure) =>
        failure.IsProviderFault || failure.IsProviderConfigurationError ? AttemptOutcomeKind.Failure : AttemptOutcomeKind.Neutral;

    private void Record(ActiveAttempt attempt, AttemptOutcomeKind outcome, long tokens, TimeSpan latency, TimeSpan? ttft, string error) =>
        Record(attempt.Model.Name, attempt.Admission, outcome, tokens, latency, ttft, error);

    private void Record(string model, Admission admission, AttemptOutcomeKind outcome, long tokens, TimeSpan latency, TimeSpan? ttft, string error) =>
        _ = RecordAsync(model, admission, outcome, tokens, latency, ttft, error);

    private async Task RecordAsync(string model, Admission admission, AttemptOutcomeKind outcome, long tokens, TimeSpan latency, TimeSpan? ttft, string error)
    {
        try
        {
            var state = await limits.CompleteAsync(model, admission, outcome, tokens, latency, ttft, error, CancellationToken.None);
            if (state == BreakerState.Open)
            {
                var now = time.GetUtcNow().UtcDateTime;
                board.Update(model, s => s.Breaker == BreakerState.Open && s.OpenUntil > now
                    ? s
                    : s with { Breaker = BreakerState.Open, BreakerChangeTime = now, OpenUntil = now + breaker.Cooldown });
            }
        }
        catch (Exception e)
        {
            // The lease expires by itself; the breaker misses one sample.
            LogRecordFailed(logger, model, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the end of an attempt on {Model} in Redis")]
    private static partial void LogRecordFailed(ILogger logger, string model, Exception exception);
}
