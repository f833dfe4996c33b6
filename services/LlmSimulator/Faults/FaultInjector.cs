namespace Platform.LlmSimulator.Faults;

/// <summary>
/// Decides each request's fault for one model: a forced fault (request header) first, then the
/// "fail next N" queue, then the shares. Only share draws advance the sequence, so scheduled and
/// forced faults never disturb the reproducible share counts.
/// </summary>
public sealed class FaultInjector(FaultShares configured)
{
    private volatile ShareDraws _draws = new(configured);

    public FaultShares Configured { get; } = configured;

    public FaultShares Current => _draws.Shares;

    public ScheduledFaults Scheduled { get; } = new();

    public FaultAction Next(FaultAction? forced)
    {
        if (forced is { } action)
        {
            return action;
        }
        if (Scheduled.TryTake(out var scheduled))
        {
            return scheduled;
        }
        var draws = _draws;
        return draws.Shares.IsNone ? FaultAction.None : FaultRoll.Decide(draws.Shares, draws.TakeIndex());
    }

    /// <summary>New shares start a new sequence at n = 0 (swapped as one object, so no request sees half of it).</summary>
    public void Set(FaultShares shares) => _draws = new ShareDraws(shares);

    public void Clear(string model)
    {
        Scheduled.Clear();
        Set(FaultShares.None(model));
    }

    public void Reset()
    {
        Scheduled.Clear();
        Set(Configured);
    }

    private sealed class ShareDraws(FaultShares shares)
    {
        private long _next = -1;

        public FaultShares Shares { get; } = shares;

        public long TakeIndex() => Interlocked.Increment(ref _next);
    }
}
