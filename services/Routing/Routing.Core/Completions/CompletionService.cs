using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Platform.Redis;
using Platform.Routing.Dedup;
using Platform.Routing.Requests;
using Platform.Routing.Upstream;

namespace Platform.Routing.Completions;

/// <summary>
/// Runs completions for both front doors: plans the call, honours idempotency keys and the response
/// cache, walks the fallback chain, and reports the outcome. The whole call, retries included, is
/// bounded by the caller's deadline.
/// </summary>
public sealed partial class CompletionService(
    CallPlanner planner, AttemptLoop loop, AttemptSettler settler, UpstreamClient upstream, IdempotencyStore idempotency,
    ResponseCache cache, CallReporter reporter, TimeProvider time, ILogger<CompletionService> logger)
{
    private readonly UnaryAttemptRunner _unary = new(upstream);
    private readonly StreamAttemptRunner _streaming = new(upstream);

    public async Task<CompletionResult> CompleteAsync(CompletionRequest request, DateTime deadline, CancellationToken cancellationToken)
    {
        using var bounded = Bound(deadline, cancellationToken);
        var plan = await PlanAsync(request with { Stream = false }, deadline, bounded.Token);
        if (request.IdempotencyKey.Length == 0)
            return await RunAsync(plan, bounded.Token);

        var fingerprint = RequestFingerprint.Of(request, includeCaller: true);
        var claim = await Guard(idempotency.ClaimOrWaitAsync(plan.Agent.AgentId, request.IdempotencyKey, fingerprint, deadline, bounded.Token), plan);
        switch (claim.State)
        {
            case IdempotencyState.Mismatch:
                throw KeyReused();
            case IdempotencyState.Done:
                return claim.Result! with { Deduplicated = true };
        }
        try
        {
            var result = await RunAsync(plan, bounded.Token);
            await idempotency.CompleteAsync(plan.Agent.AgentId, request.IdempotencyKey, fingerprint, result, CancellationToken.None);
            return result;
        }
        catch
        {
            await idempotency.AbandonAsync(plan.Agent.AgentId, request.IdempotencyKey);
            throw;
        }
    }

    /// <summary>Starts a streamed completion: returns once a model produced its first token (fallbacks happen before that).</summary>
    public async Task<ICompletionStream> StreamAsync(CompletionRequest request, DateTime deadline, CancellationToken cancellationToken)
    {
        var lifetime = Bound(deadline, cancellationToken);
        try
        {
            var plan = await PlanAsync(request with { Stream = true }, deadline, lifetime.Token);
            var key = request.IdempotencyKey;
            var fingerprint = key.Length > 0 ? RequestFingerprint.Of(request, includeCaller: true) : "";
            if (key.Length > 0)
            {
                var claim = await Guard(idempotency.ClaimOrWaitAsync(plan.Agent.AgentId, key, fingerprint, deadline, lifetime.Token), plan);
                if (claim.State == IdempotencyState.Mismatch)
                    throw KeyReused();
                if (claim.State == IdempotencyState.Done)
                {
                    lifetime.Dispose();
                    return new ReplayedStream(claim.Result! with { Deduplicated = true });
                }
            }

            var useCache = cache.Applies(request);
            if (useCache && await CachedAsync(plan, lifetime.Token) is { } cached)
            {
                reporter.Succeeded(plan, cached, streamed: true);
                lifetime.Dispose();
                return new ReplayedStream(cached);
            }

            var trace = new CallTrace();
            AttemptWin<OpenedStream> win;
            try
            {
                win = await loop.RunAsync(plan, _streaming, trace, lifetime.Token);
            }
            catch (RoutingException e)
            {
                reporter.Failed(plan, trace, e, streamed: true);
                if (key.Length > 0)
                    await idempotency.AbandonAsync(plan.Agent.AgentId, key);
                throw;
            }

            return new LiveCompletionStream(plan, win, trace, settler, reporter, lifetime, keepContent: key.Length > 0 || useCache, async result =>
            {
                if (result is null)
                {
                    if (key.Length > 0)
                        await idempotency.AbandonAsync(plan.Agent.AgentId, key);
                    return;
                }
                if (key.Length > 0)
                    await idempotency.CompleteAsync(plan.Agent.AgentId, key, fingerprint, result, CancellationToken.None);
                if (useCache)
                    _ = StoreAsync(request, result);
            });
        }
        catch
        {
            lifetime.Dispose();
            throw;
        }
    }

    /// <summary>Plans without calling anything (the Route RPC).</summary>
    public Task<CallPlan> RouteAsync(CompletionRequest request, DateTime deadline, CancellationToken cancellationToken) =>
        planner.PlanAsync(request, deadline, messagesRequired: false, cancellationToken);

    private async Task<CompletionResult> RunAsync(CallPlan plan, CancellationToken cancellationToken)
    {
        var useCache = cache.Applies(plan.Request);
        if (useCache && await CachedAsync(plan, cancellationToken) is { } cached)
        {
            reporter.Succeeded(plan, cached, streamed: false);
            return cached;
        }

        var trace = new CallTrace();
        AttemptWin<UpstreamCompletion> win;
        try
        {
            win = await loop.RunAsync(plan, _unary, trace, cancellationToken);
        }
        catch (RoutingException e)
        {
            reporter.Failed(plan, trace, e, streamed: false);
            throw;
        }

        var completion = win.Value;
        var usage = completion.Usage ?? new UpstreamUsage(win.Attempt.EstimatedInputTokens, (completion.Content.Length + 3) / 4, 0);
        trace.Add(settler.Succeeded(win.Attempt, usage, null));
        var latency = (long)Stopwatch.GetElapsedTime(plan.StartedTimestamp).TotalMilliseconds;
        var result = new CompletionResult
        {
            Content = completion.Content,
            FinishReason = completion.FinishReason,
            Model = win.Model.Name,
            Provider = win.Model.Provider,
            Usage = new CompletionUsage(usage.InputTokens, usage.OutputTokens, usage.CachedInputTokens),
            CostMicros = win.Model.CostMicros(usage.InputTokens, usage.OutputTokens),
            FallbackDepth = win.FallbackDepth,
            AttemptCount = trace.ProviderAttempts,
            LatencyMs = latency,
            TimeToFirstTokenMs = latency,
            Strategy = plan.Decision.Strategy,
            RequestId = plan.RequestId,
            Attempts = [.. trace.Attempts],
            ReservationId = win.Attempt.Hold.ReservationId,
            Tier = plan.Tier,
        };
        reporter.Succeeded(plan, result, streamed: false);
        if (useCache)
            _ = StoreAsync(plan.Request, result);
        return result;
    }

    private async Task<CallPlan> PlanAsync(CompletionRequest request, DateTime deadline, CancellationToken cancellationToken)
    {
        try
        {
            return await planner.PlanAsync(request, deadline, messagesRequired: true, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw time.GetUtcNow().UtcDateTime >= deadline ? RoutingException.Deadline() : RoutingException.Cancelled();
        }
    }

    private async Task<T> Guard<T>(Task<T> work, CallPlan plan)
    {
        try
        {
            return await work;
        }
        catch (OperationCanceledException)
        {
            throw time.GetUtcNow().UtcDateTime >= plan.Deadline ? RoutingException.Deadline() : RoutingException.Cancelled();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw RoutingException.Unavailable("the idempotency store (Redis) is unavailable", TimeSpan.FromSeconds(1), "DEDUP_UNAVAILABLE");
        }
    }

    private async Task<CompletionResult?> CachedAsync(CallPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            var cached = await cache.GetAsync(plan.Request, cancellationToken);
            return cached is null ? null : cached with
            {
                CacheHit = true,
                Deduplicated = false,
                CostMicros = 0,
                AttemptCount = 0,
                Attempts = [],
                RequestId = plan.RequestId,
                ReservationId = "",
                LatencyMs = (long)Stopwatch.GetElapsedTime(plan.StartedTimestamp).TotalMilliseconds,
                Tier = plan.Tier,
            };
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return null;
        }
    }

    private async Task StoreAsync(CompletionRequest request, CompletionResult result)
    {
        try
        {
            await cache.SetAsync(request, result, CancellationToken.None);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogCacheWriteFailed(logger, e);
        }
    }

    private CancellationTokenSource Bound(DateTime deadline, CancellationToken cancellationToken)
    {
        var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var remaining = deadline - time.GetUtcNow().UtcDateTime;
        // CancelAfter takes at most ~24 days; a call without a deadline is bounded by its attempts instead.
        if (remaining < TimeSpan.FromDays(20))
            bounded.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        return bounded;
    }

    private static RoutingException KeyReused() => new(RoutingErrorKind.AlreadyExists, ErrorReasons.IdempotencyKeyReused,
        "idempotency_key was already used with a different request");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not store a response in the cache")]
    private static partial void LogCacheWriteFailed(ILogger logger, Exception exception);
}
