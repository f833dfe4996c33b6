using Platform.Common.V1;
using Platform.Metrics.Storage;
using Platform.Metrics.V1;

namespace Platform.Metrics.Reports;

public sealed record SpenderRow(string Key, long CostMicros, double CostSharePercent, long RequestCount, long InputTokens, long OutputTokens);

public sealed record TopSpenders(IReadOnlyList<SpenderRow> Spenders, long TotalCostMicros, TimeWindow Window);

/// <summary>The biggest spenders by agent, team, model, provider or tier.</summary>
public sealed class TopSpenderReports(RollupSource source)
{
    public async Task<TopSpenders> GetAsync(TimeWindow window, SpendDimension dimension, int limit, CancellationToken cancellationToken)
    {
        if (limit is < 0 or > 100)
            throw new ReportArgumentException("limit must be between 0 and 100");
        limit = limit == 0 ? 10 : limit;

        Func<RollupKey, string> key = dimension switch
        {
            SpendDimension.Unspecified or SpendDimension.Agent => k => k.AgentId,
            SpendDimension.Team => k => k.Team,
            SpendDimension.Model => k => k.Model,
            SpendDimension.Provider => k => k.Provider,
            SpendDimension.Tier => k => TierName(k.Tier),
            _ => throw new ReportArgumentException($"unknown dimension {(int)dimension}"),
        };
        var cube = dimension is SpendDimension.Unspecified or SpendDimension.Agent or SpendDimension.Team ? RollupCube.Agents : RollupCube.Models;
        var rows = await source.ReadAsync(cube, window, RollupFilter.None, histograms: false, cancellationToken);

        var sums = RollupSource.SumBy(rows, key);
        var totalCost = sums.Values.Sum(t => t.CostMicros);
        var spenders = sums
            .OrderByDescending(pair => pair.Value.CostMicros)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(limit)
            .Select(pair => new SpenderRow(pair.Key, pair.Value.CostMicros, CallStatistics.Percent(pair.Value.CostMicros, totalCost),
                pair.Value.RequestCount, pair.Value.InputTokens, pair.Value.OutputTokens))
            .ToList();
        return new TopSpenders(spenders, totalCost, window);
    }

    /// <summary>The proto enum value name, as the contract asks for tier keys.</summary>
    public static string TierName(Tier tier) => tier switch
    {
        Tier.Critical => "TIER_CRITICAL",
        Tier.High => "TIER_HIGH",
        Tier.Medium => "TIER_MEDIUM",
        Tier.Low => "TIER_LOW",
        _ => "TIER_UNSPECIFIED",
    };
}
