using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Platform.Budget.Registry;

namespace Platform.Budget.Reports;

/// <summary>Turns raw window counters into report rows with the same rules the scripts enforce.</summary>
internal sealed class UsageCalculator
{
    private readonly RegistrySnapshot _snapshot;
    private readonly WindowCounters _hourly;
    private readonly WindowCounters _daily;
    private readonly Dictionary<string, BudgetLimits> _limits;
    private readonly DateTimeOffset _hourStart;
    private readonly DateTimeOffset _dayStart;

    public UsageCalculator(RegistrySnapshot snapshot, WindowCounters hourly, WindowCounters daily, long hour, long day)
    {
        _snapshot = snapshot;
        _hourly = hourly;
        _daily = daily;
        _limits = EffectiveLimits.ForAll(snapshot.Fleet, snapshot.Agents.Values);
        _hourStart = BudgetWindows.HourStart(hour);
        _dayStart = BudgetWindows.DayStart(day);
    }

    public AgentUsage ForAgent(Agent agent)
    {
        var limits = _limits[agent.Id];
        var id = agent.Id;
        var hourlyTokens = Window(_hourly, id, "t", limits.HourlyTokens, shared: true, _hourStart, TimeSpan.FromHours(1),
            Borrowable(agent, (a, l) => l.HourlyTokens, _hourly, "t"));
        var dailyTokens = Window(_daily, id, "t", limits.DailyTokens, shared: false, _dayStart, TimeSpan.FromDays(1), 0);
        var hourlyUsd = Window(_hourly, id, "c", limits.HourlyUsdMicros, shared: false, _hourStart, TimeSpan.FromHours(1), 0);
        var dailyUsd = Window(_daily, id, "c", limits.DailyUsdMicros, shared: true, _dayStart, TimeSpan.FromDays(1),
            Borrowable(agent, (a, l) => l.DailyUsdMicros, _daily, "c"));
        var threshold = agent.Spec.WarningThresholdPercent ?? _snapshot.Fleet.DefaultWarningThresholdPercent;
        var warning = new[] { hourlyTokens, dailyTokens, hourlyUsd, dailyUsd }
            .Any(w => w.Limit is not null && w.Used + w.Reserved > 0 && w.UtilisationPercent >= threshold);
        return new AgentUsage(id, agent.Spec.Tier, agent.Spec.Team, agent.State, hourlyTokens, dailyTokens, hourlyUsd, dailyUsd, warning);
    }

    public GroupUsage ForGroup(Tier tier, IReadOnlyList<AgentUsage> rows)
    {
        var fleet = _snapshot.Fleet;
        var share = tier == Tier.Unspecified ? 100 : fleet.PolicyFor(tier).SharePercent;
        long? Share(long? fleetLimit) => fleetLimit is { } limit ? (long)((Int128)limit * share / 100) : null;
        return new GroupUsage(
            tier,
            rows.Count(r => r.State == AgentState.Active),
            tier == Tier.Unspecified ? 0 : share,
            Sum(rows.Select(r => r.HourlyTokens), Share(fleet.Limits.HourlyTokens), _hourStart, TimeSpan.FromHours(1)),
            Sum(rows.Select(r => r.DailyTokens), Share(fleet.Limits.DailyTokens), _dayStart, TimeSpan.FromDays(1)),
            Sum(rows.Select(r => r.HourlyUsd), Share(fleet.Limits.HourlyUsdMicros), _hourStart, TimeSpan.FromHours(1)),
            Sum(rows.Select(r => r.DailyUsd), Share(fleet.Limits.DailyUsdMicros), _dayStart, TimeSpan.FromDays(1)));
    }

    private static WindowUsage Window(WindowCounters counters, string id, string unit, long? ownLimit, bool shared, DateTimeOffset start,
        TimeSpan length, long borrowable)
    {
        var used = counters.Get(id, unit + "u");
        var reserved = counters.Get(id, unit + "r");
        long borrowed = 0, lent = 0;
        long? limit = ownLimit;
        if (shared && ownLimit is { } own)
        {
            limit = own + counters.Get(id, "ra");
            borrowed = counters.Get(id, "b");
            lent = counters.Get(id, "l");
        }

        long? available = null;
        var utilisation = 0.0;
        if (limit is { } effective)
        {
            var allowance = effective - lent + borrowed;
            available = Math.Max(0, allowance - used - reserved) + (used <= allowance ? borrowable : 0);
            utilisation = effective > 0 ? (used + reserved) * 100.0 / effective : (used + reserved > 0 ? 100 : 0);
        }

        return new WindowUsage(start, start + length, limit, used, reserved, available, utilisation, borrowed, lent,
            counters.Get(id, unit + "o"), counters.Get(id, "n"), counters.Get(id, "dn"));
    }

    /// <summary>What the agent could still borrow in a shared dimension: its lenders' spare.</summary>
    private long Borrowable(Agent borrower, Func<Agent, BudgetLimits, long?> limitOf, WindowCounters counters, string unit)
    {
        var policy = _snapshot.Fleet.PolicyFor(borrower.Spec.Tier);
        if (policy.SpareBudgetOnly || policy.BorrowFrom.Count == 0)
        {
            return 0;
        }

        long total = 0;
        foreach (var lender in _snapshot.Agents.Values)
        {
            if (!lender.IsActive || !policy.BorrowFrom.Contains(lender.Spec.Tier) || limitOf(lender, _limits[lender.Id]) is not { } limit)
            {
                continue;
            }

            var id = lender.Id;
            total += Math.Max(0, limit + counters.Get(id, "ra") - counters.Get(id, "l") - counters.Get(id, unit + "u") - counters.Get(id, unit + "r"));
        }

        return total;
    }

    private static WindowUsage Sum(IEnumerable<WindowUsage> windows, long? groupLimit, DateTimeOffset start, TimeSpan length)
    {
        var list = windows.ToList();
        var end = start + length;
        long used = list.Sum(w => w.Used), reserved = list.Sum(w => w.Reserved);
        return new WindowUsage(start, end, groupLimit, used, reserved,
            groupLimit is { } limit ? Math.Max(0, limit - used - reserved) : null,
            groupLimit is { } l && l > 0 ? (used + reserved) * 100.0 / l : 0,
            list.Sum(w => w.Borrowed), list.Sum(w => w.Lent), list.Sum(w => w.Overage), list.Sum(w => w.Requests), list.Sum(w => w.Denials));
    }
}
