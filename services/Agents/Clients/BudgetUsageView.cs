using System.Collections.Concurrent;
using Platform.Agents.Budgeting;
using Platform.Budget.V1;

namespace Platform.Agents.Clients;

/// <summary>
/// The agent's tightest budget window from BudgetService.GetUsageReport, for agent-scope warnings. Read at
/// most once a second per agent on this replica, whatever the number of its running tasks.
/// </summary>
internal sealed class BudgetUsageView(BudgetService.BudgetServiceClient budget, TimeProvider time) : IAgentBudgetView
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, (AgentBudgetStatus? Status, DateTime Until)> _cache = new(StringComparer.Ordinal);

    public async ValueTask<AgentBudgetStatus?> GetAsync(string agentId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_cache.TryGetValue(agentId, out var cached) && cached.Until > now)
            return cached.Status;
        var report = await budget.GetUsageReportAsync(new GetUsageReportRequest { AgentIds = { agentId }, PageSize = 1 },
            deadline: now.AddSeconds(3), cancellationToken: cancellationToken);
        var status = report.Agents.FirstOrDefault(a => a.AgentId == agentId) is { } usage ? Tightest(usage) : null;
        _cache[agentId] = (status, now + CacheFor);
        return status;
    }

    private static AgentBudgetStatus? Tightest(AgentUsage usage)
    {
        AgentBudgetStatus?[] windows =
        [
            Tokens(usage.HourlyTokens, "hourly token"),
            Tokens(usage.DailyTokens, "daily token"),
            Usd(usage.HourlyUsd, "hourly USD"),
            Usd(usage.DailyUsd, "daily USD"),
        ];
        return windows.Where(w => w is not null).MaxBy(w => w!.UtilisationPercent);
    }

    private static AgentBudgetStatus? Tokens(TokenWindowStatus? window, string name) =>
        window?.Limit is { } limit ? new AgentBudgetStatus(window.UtilisationPercent, window.Used, limit, 0, null, name) : null;

    private static AgentBudgetStatus? Usd(UsdWindowStatus? window, string name) =>
        window?.LimitMicros is { } limit ? new AgentBudgetStatus(window.UtilisationPercent, 0, null, window.UsedMicros, limit, name) : null;
}
