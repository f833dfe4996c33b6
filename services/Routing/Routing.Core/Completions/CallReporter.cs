using Platform.Routing.Events;
using Platform.Routing.Telemetry;

namespace Platform.Routing.Completions;

/// <summary>Publishes every finished call to the metrics stream and the Prometheus series.</summary>
public sealed class CallReporter(ICallEventSink sink, RoutingInstruments instruments, TimeProvider time)
{
    public void Succeeded(CallPlan plan, CompletionResult result, bool streamed) => Publish(new CallRecord
    {
        EventId = result.RequestId,
        EventTime = time.GetUtcNow().UtcDateTime,
        Model = result.Model,
        Provider = result.Provider,
        AgentId = plan.Agent.AgentId,
        Team = plan.Agent.Team,
        Tier = plan.Tier,
        Status = CallStatus.Ok,
        LatencyMs = result.LatencyMs,
        TimeToFirstTokenMs = streamed ? result.TimeToFirstTokenMs : 0,
        InputTokens = result.Usage.InputTokens,
        OutputTokens = result.Usage.OutputTokens,
        CachedInputTokens = result.Usage.CachedInputTokens,
        CostMicros = result.CostMicros,
        FallbackDepth = result.FallbackDepth,
        Strategy = result.Strategy,
        RequestId = result.RequestId,
        TaskId = plan.Request.TaskId,
        AttemptCount = result.AttemptCount,
        Streamed = streamed,
        CacheHit = result.CacheHit,
        TaskType = plan.Decision.Prompt.TaskType,
    });

    /// <param name="used">Tokens billed although the call failed (a stream cut after it started).</param>
    public void Failed(CallPlan plan, CallTrace trace, RoutingException error, bool streamed, CompletionUsage? used = null, long costMicros = 0, long timeToFirstTokenMs = 0) => Publish(new CallRecord
    {
        EventId = plan.RequestId,
        EventTime = time.GetUtcNow().UtcDateTime,
        Model = trace.LastModel?.Name ?? plan.Decision.Selected?.Name ?? plan.Request.Model,
        Provider = trace.LastModel?.Provider ?? plan.Decision.Selected?.Provider ?? "",
        AgentId = plan.Agent.AgentId,
        Team = plan.Agent.Team,
        Tier = plan.Tier,
        Status = CallRecord.StatusOf(error),
        LatencyMs = (long)(time.GetUtcNow().UtcDateTime - plan.StartedUtc).TotalMilliseconds,
        TimeToFirstTokenMs = timeToFirstTokenMs,
        InputTokens = used?.InputTokens ?? 0,
        OutputTokens = used?.OutputTokens ?? 0,
        CostMicros = costMicros,
        FallbackDepth = trace.LastDepth,
        Strategy = plan.Decision.Strategy,
        RequestId = plan.RequestId,
        TaskId = plan.Request.TaskId,
        AttemptCount = trace.ProviderAttempts,
        Streamed = streamed,
        ErrorMessage = Truncate($"{error.Reason}: {error.Message}"),
        TaskType = plan.Decision.Prompt.TaskType,
    });

    private void Publish(CallRecord record)
    {
        instruments.Call(record);
        sink.Publish(record);
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
