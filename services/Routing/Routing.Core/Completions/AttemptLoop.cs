using System.Diagnostics;
using Platform.Redis;
using Platform.Routing.Budgeting;
using Platform.Routing.Catalog;
using Platform.Routing.Concurrency;
using Platform.Routing.Health;
using Platform.Routing.Limits;
using Platform.Routing.Resilience;
using Platform.Routing.Selection;
using Platform.Routing.Telemetry;
using Platform.Routing.Upstream;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Completions;

/// <summary>
/// Walks a call's fallback chain until an attempt succeeds. Each attempt passes, in order: the tier's
/// retry allowance and deadline, backoff (on a model already tried), this replica's adaptive limiter, the
/// shared admission (breaker, concurrency, RPM/TPM), the global retry budget (for retries), and a budget
/// hold priced at that model. Provider faults (429, 5xx, timeouts, connection errors) move on to the next
/// model; the caller's own 4xx mistakes stop the call; a context overflow moves to a larger window.
/// </summary>
public sealed class AttemptLoop(
    SharedLimits limits, AdaptiveLimiterRegistry limiters, IBudgetService budget, BudgetPressure pressure, RetryBudget retryBudget,
    Backoff backoff, RetryOptions retryOptions, ModelHealthBoard board, AttemptSettler settler, Router router,
    RoutingInstruments instruments, TimeProvider time)
{
    public async Task<AttemptWin<T>> RunAsync<T>(CallPlan plan, IAttemptRunner<T> runner, CallTrace trace, CancellationToken cancellationToken)
        where T : class
    {
        retryBudget.RecordRequest();
        var walk = new ChainWalk(plan.Decision.Chain, plan.Decision.FirstDepth);
        var retriesUsed = 0;
        var refusalsInRow = 0;
        var onlyRateLimits = true;
        var hints = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        try
        {
            for (var guard = 0; guard < 256; guard++)
            {
                var now = Now;
                if (now >= plan.Deadline)
                    throw RoutingException.Deadline();
                if (walk.IsEmpty)
                {
                    // Nothing could serve the call (breakers open, limits reached): wait once for that to change, within the tier's time.
                    var wait = MinHint(hints) ?? retryOptions.RerouteDelay;
                    if (now + wait >= plan.RetryDeadline)
                        throw NoEligibleModel.Describe(plan.Decision, plan.Request, now);
                    await Task.Delay(wait, time, cancellationToken);
                    walk = new ChainWalk(router.Route(plan.Request, plan.Tier, plan.Policy, plan.BudgetTight).Chain, plan.Decision.FirstDepth);
                    continue;
                }

                var model = walk.Current;
                var isRetry = trace.ProviderAttempts > 0;
                if (isRetry && (retriesUsed >= plan.Policy.MaxRetries || now >= plan.RetryDeadline))
                    break;

                long backoffMs = 0;
                var repeats = walk.TriesOf(model);
                if (repeats > 0)
                {
                    var delay = backoff.Next(repeats, hints.GetValueOrDefault(model.Name));
                    if (now + delay >= plan.RetryDeadline)
                        break;
                    await Task.Delay(delay, time, cancellationToken);
                    backoffMs = (long)delay.TotalMilliseconds;
                    now = Now;
                }

                var maxTokens = Math.Min(plan.Request.RequestedMaxTokens, model.OutputCap);
                var attemptTimeout = Min(model.EffectiveRequestTimeout, plan.Deadline - now);
                if (attemptTimeout <= TimeSpan.Zero)
                    throw RoutingException.Deadline();

                var limiter = limiters.For(model);
                if (!limiter.TryAcquire())
                {
                    Refuse(trace, model, AttemptStatus.RateLimited, "this replica's adaptive concurrency limit for the model is reached", backoffMs);
                    if (await WaitAfterRefusalsAsync(++refusalsInRow, walk, hints, plan, cancellationToken))
                        refusalsInRow = 0;
                    else
                        break;
                    continue;
                }

                var estimate = plan.Decision.Prompt.EstimatedInputTokens + maxTokens;
                Admission admission;
                try
                {
                    admission = await limits.AdmitAsync(model.Name, model.MaxConcurrency, model.RpmLimit, model.TpmLimit, estimate, attemptTimeout, cancellationToken);
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    limiter.Release(TimeSpan.Zero, LimiterSignal.Ignore);
                    throw RoutingException.Unavailable("the shared limits store (Redis) is unavailable", TimeSpan.FromSeconds(1), "LIMITS_UNAVAILABLE");
                }
                if (!admission.Admitted)
                {
                    limiter.Release(TimeSpan.Zero, LimiterSignal.Ignore);
                    RefuseAdmission(trace, model, admission, hints, backoffMs);
                    if (admission.Code != AdmissionCode.BreakerOpen)
                        instruments.RateLimitHit(model.Name, byProvider: false);
                    else
                        onlyRateLimits = false;
                    if (await WaitAfterRefusalsAsync(++refusalsInRow, walk, hints, plan, cancellationToken))
                        refusalsInRow = 0;
                    else
                        break;
                    continue;
                }

                if (isRetry && !retryBudget.TryRetry())
                {
                    settler.Abandon(model.Name, admission, limiter);
                    instruments.RetryBudgetExhausted();
                    trace.RetryBudgetExhausted = true;
                    break;
                }

                var hold = await HoldAsync(plan, model, maxTokens, attemptTimeout, trace, admission, limiter, cancellationToken);
                if (!hold.Granted)
                {
                    trace.Add(new AttemptRecord(model.Name, model.Provider, AttemptStatus.BudgetDenied, 0, 0, backoffMs, hold.Denial!.Message));
                    instruments.Attempt(model.Name, AttemptStatus.BudgetDenied);
                    if (ChainAlternatives.CheaperModel(plan, model, hold.Denial) is { } cheaper)
                    {
                        walk = walk.SwitchTo([cheaper]);
                        continue;
                    }
                    throw CallFailures.BudgetDenied(hold.Denial);
                }

                if (isRetry)
                    retriesUsed++;
                refusalsInRow = 0;
                trace.ProviderAttempts++;
                trace.LastModel = model;
                trace.LastDepth = walk.Depth;
                walk.CountTry(model);
                var active = new ActiveAttempt(model, admission, limiter, hold, Stopwatch.GetTimestamp(), backoffMs, plan.Decision.Prompt.EstimatedInputTokens);
                var request = new UpstreamRequest(model.WireModel, plan.Request.Messages, maxTokens, plan.Request.Temperature, plan.Request.TopP, plan.Request.Stop, plan.Request.Stream);
                var outcome = await runner.RunAsync(model, request, attemptTimeout, cancellationToken);
                if (outcome.Succeeded)
                    return new AttemptWin<T>(outcome.Value!, model, walk.Depth, active);

                var failure = outcome.Failure!;
                trace.Add(settler.Failed(active, failure));
                if (failure.Status == AttemptStatus.Cancelled)
                    throw Now >= plan.Deadline ? RoutingException.Deadline() : RoutingException.Cancelled();
                if (failure.ContextOverflow)
                {
                    walk = walk.SwitchTo(ChainAlternatives.LargerWindows(plan, model));
                    if (walk.IsEmpty)
                        throw RoutingException.InvalidArgument($"the prompt does not fit any model's context window ({failure.Message})", ErrorReasons.PromptTooLarge);
                    continue;
                }
                if (failure.Status == AttemptStatus.ClientError && !failure.IsProviderConfigurationError)
                    throw RoutingException.InvalidArgument($"model '{model.Name}' rejected the request: {failure.Message}", ErrorReasons.UpstreamRejected);
                if (failure.Status != AttemptStatus.RateLimited)
                    onlyRateLimits = false;
                if (failure.RetryAfter is { } hint)
                    hints[model.Name] = hint;
                walk.Advance();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw Now >= plan.Deadline ? RoutingException.Deadline() : RoutingException.Cancelled();
        }

        throw CallFailures.Exhausted(trace, onlyRateLimits, MinHint(hints));
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<BudgetHold> HoldAsync(
        CallPlan plan, ModelDefinition model, int maxTokens, TimeSpan attemptTimeout, CallTrace trace, Admission admission, AdaptiveLimiter limiter,
        CancellationToken cancellationToken)
    {
        var ttl = Min(TimeSpan.FromMinutes(15), Max(TimeSpan.FromSeconds(1), attemptTimeout + TimeSpan.FromSeconds(30)));
        var request = new HoldRequest(plan.Agent.AgentId, $"{plan.RequestId}:{trace.Holds++}", plan.Decision.Prompt.EstimatedInputTokens, maxTokens,
            model.InputMicrosPerMTok, model.OutputMicrosPerMTok, model.Name, ttl, plan.Request.TierOverride, plan.RequestId, plan.Request.TaskId);
        BudgetHold hold;
        try
        {
            hold = await budget.ReserveAsync(request, cancellationToken);
        }
        catch
        {
            settler.Abandon(model.Name, admission, limiter);
            throw;
        }
        pressure.Observe(plan.Agent.AgentId, hold);
        if (!hold.Granted)
            settler.Abandon(model.Name, admission, limiter);
        return hold;
    }

    /// <summary>When every model of the chain was refused in a row, waits for the shortest hint (within the tier's time) and says whether to go on.</summary>
    private async Task<bool> WaitAfterRefusalsAsync(int refusalsInRow, ChainWalk walk, Dictionary<string, TimeSpan> hints, CallPlan plan, CancellationToken cancellationToken)
    {
        walk.Advance();
        if (refusalsInRow < walk.Count)
            return true;
        var wait = Max(MinHint(hints) ?? retryOptions.RerouteDelay, TimeSpan.FromMilliseconds(10));
        if (Now + wait >= plan.RetryDeadline)
            return false;
        await Task.Delay(wait, time, cancellationToken);
        return true;
    }

    private void Refuse(CallTrace trace, ModelDefinition model, AttemptStatus status, string message, long backoffMs)
    {
        trace.Add(new AttemptRecord(model.Name, model.Provider, status, 0, 0, backoffMs, message));
        instruments.Attempt(model.Name, status);
        if (status == AttemptStatus.RateLimited)
            instruments.RateLimitHit(model.Name, byProvider: false);
    }

    private void RefuseAdmission(CallTrace trace, ModelDefinition model, Admission admission, Dictionary<string, TimeSpan> hints, long backoffMs)
    {
        hints[model.Name] = admission.RetryAfter;
        var (status, message) = admission.Code switch
        {
            AdmissionCode.BreakerOpen => (AttemptStatus.BreakerOpen, "circuit breaker open"),
            AdmissionCode.ConcurrencyFull => (AttemptStatus.RateLimited, "the model's shared concurrency limit is reached"),
            AdmissionCode.RpmLimit => (AttemptStatus.RateLimited, "the model's requests-per-minute limit is reached"),
            _ => (AttemptStatus.RateLimited, "the model's tokens-per-minute limit is reached"),
        };
        trace.Add(new AttemptRecord(model.Name, model.Provider, status, 0, 0, backoffMs, message));
        instruments.Attempt(model.Name, status);
        if (admission.Code == AdmissionCode.BreakerOpen)
        {
            var until = Now + admission.RetryAfter;
            board.Update(model.Name, s => s with { Breaker = BreakerState.Open, OpenUntil = until });
        }
    }

    private static TimeSpan? MinHint(Dictionary<string, TimeSpan> hints) => hints.Count == 0 ? null : hints.Values.Min();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
