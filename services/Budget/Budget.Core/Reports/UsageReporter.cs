using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Platform.Budget.Hosting;
using Platform.Budget.Registry;
using Platform.Redis;

namespace Platform.Budget.Reports;

/// <summary>
/// GetUsageReport: the current hour and day windows of every agent (limit, used, reserved,
/// utilisation, requests, denials, borrowed, lent, overage, USD today against the daily limit) and
/// their sums per tier and for the fleet. Reads Redis and this replica's registry snapshot only, so
/// it keeps working while PostgreSQL is down.
/// </summary>
public sealed class UsageReporter(IRedisDatabase redis, BudgetSettings settings, AgentDirectory directory, ServerClock clock)
{
    /// <summary>
    /// The limits enforced right now for every registered agent: explicit limits, tier-share defaults,
    /// plus what reallocation moved in or out in the current windows (Agent.effective_limits).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, BudgetLimits>> EffectiveLimitsAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = directory.Current;
        var limits = EffectiveLimits.ForAll(snapshot.Fleet, snapshot.Agents.Values);
        if (limits.Count == 0)
        {
            return limits;
        }

        var now = (await clock.NowAsync(cancellationToken)).ToUnixTimeMilliseconds();
        var hour = BudgetWindows.HourIndex(now);
        var ids = limits.Keys.ToList();
        var fields = ids.SelectMany(id => new RedisValue[] { PackedWindow.HourField(id, hour), id }).ToArray();
        var values = await redis.HashGetAsync(settings.Keys.Day(BudgetWindows.DayIndex(now)), fields, cancellationToken);
        var reallocated = PackedWindow.IndexOf("ra");
        for (var i = 0; i < ids.Count; i++)
        {
            var own = limits[ids[i]];
            limits[ids[i]] = own with
            {
                HourlyTokens = own.HourlyTokens + PackedWindow.Parse(values[2 * i])[reallocated],
                DailyUsdMicros = own.DailyUsdMicros + PackedWindow.Parse(values[(2 * i) + 1])[reallocated],
            };
        }

        return limits;
    }

    public async Task<UsageReport> GetAsync(UsageQuery query, CancellationToken cancellationToken = default)
    {
        foreach (var id in query.AgentIds)
        {
            Require.AgentId(id, "agent_ids");
        }

        Require.Tier(query.Tier, "tier", allowUnspecified: true);
        var pageSize = PageTokens.PageSize(query.PageSize, 100);
        var filters = $"usage|{string.Join(',', query.AgentIds.Order(StringComparer.Ordinal))}|{(int)query.Tier}|{query.IncludeRetired}";
        var after = PageTokens.Read(query.PageToken, filters);

        var now = await clock.NowAsync(cancellationToken);
        var hour = BudgetWindows.HourIndex(now.ToUnixTimeMilliseconds());
        var day = BudgetWindows.DayIndex(now.ToUnixTimeMilliseconds());
        var (hourly, daily) = WindowCounters.FromDay(await redis.HashGetAllAsync(settings.Keys.Day(day), cancellationToken), hour);
        var snapshot = directory.Current;
        var calculator = new UsageCalculator(snapshot, hourly, daily, hour, day);
        var rows = snapshot.Agents.Values.Select(calculator.ForAgent).ToList();

        var wanted = query.AgentIds.Count == 0 ? null : query.AgentIds.ToHashSet(StringComparer.Ordinal);
        var page = rows
            .Where(r => (wanted is null || wanted.Contains(r.AgentId)) && (query.Tier == Tier.Unspecified || r.Tier == query.Tier) &&
                        (query.IncludeRetired || r.State == AgentState.Active) && string.CompareOrdinal(r.AgentId, after) > 0)
            .Take(pageSize + 1)
            .ToList();
        var next = page.Count > pageSize ? PageTokens.Issue(filters, page[pageSize - 1].AgentId) : string.Empty;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
        }

        var tiers = new[] { Tier.Critical, Tier.High, Tier.Medium, Tier.Low }
            .Select(t => calculator.ForGroup(t, rows.Where(r => r.Tier == t).ToList()))
            .ToList();
        return new UsageReport(page, tiers, calculator.ForGroup(Tier.Unspecified, rows), now, next);
    }
}
