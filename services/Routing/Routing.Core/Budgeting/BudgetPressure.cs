using System.Collections.Concurrent;

namespace Platform.Routing.Budgeting;

/// <summary>
/// Remembers, for a minute, which agents are close to the end of their budget (a hold left room for fewer
/// than ten more calls like it, or a USD denial), so a MEDIUM agent's next calls go to cheaper models
/// before it runs dry.
/// </summary>
public sealed class BudgetPressure(TimeProvider time)
{
    private static readonly TimeSpan Memory = TimeSpan.FromMinutes(1);
    private const int CallsOfHeadroom = 10;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tightUntil = new(StringComparer.Ordinal);

    public bool IsTight(string agentId) => _tightUntil.TryGetValue(agentId, out var until) && until > time.GetUtcNow();

    public void Observe(string agentId, BudgetHold hold)
    {
        var tight = hold.Denial is { MayFitCheaperModel: true }
            || (hold.RemainingCostMicros is { } cost && cost < CallsOfHeadroom * Math.Max(1, hold.ReservedCostMicros))
            || (hold.RemainingTokens is { } tokens && tokens < CallsOfHeadroom * Math.Max(1, hold.ReservedTokens));
        if (tight)
            _tightUntil[agentId] = time.GetUtcNow() + Memory;
        else if (hold.Granted)
            _tightUntil.TryRemove(agentId, out _);
    }
}
