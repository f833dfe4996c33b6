using Platform.Common.V1;
using Platform.Metrics.Storage;

namespace Platform.Metrics.Reports;

public sealed record TierReportRow(Tier Tier, int AgentCount, CallStatistics Statistics, double CostSharePercent);

public sealed record TierReport(IReadOnlyList<TierReportRow> Tiers, CallStatistics Total, TimeWindow Window);

/// <summary>Statistics of the four tiers over a window (always four rows, CRITICAL to LOW).</summary>
public sealed class TierReports(RollupSource source)
{
    private static readonly Tier[] Tiers = [Tier.Critical, Tier.High, Tier.Medium, Tier.Low];

    public async Task<TierReport> GetAsync(TimeWindow window, CancellationToken cancellationToken)
    {
        var modelRows = source.ReadAsync(RollupCube.Models, window, RollupFilter.None, histograms: true, cancellationToken);
        var agentRows = source.ReadAsync(RollupCube.Agents, window, RollupFilter.None, histograms: false, cancellationToken);

        var rowsByModel = await modelRows;
        var byTier = RollupSource.SumBy(rowsByModel, key => key.Tier);
        var agentsByTier = (await agentRows)
            .GroupBy(row => row.Key.Tier)
            .ToDictionary(g => g.Key, g => g.Select(row => row.Key.AgentId).Distinct(StringComparer.Ordinal).Count());

        // Calls whose producer set no tier count in the total only.
        var total = RollupSource.Sum(rowsByModel);

        var rows = Tiers.Select(tier =>
        {
            var statistics = CallStatistics.From(byTier.GetValueOrDefault(tier) ?? new CallTally());
            return new TierReportRow(tier, agentsByTier.GetValueOrDefault(tier), statistics,
                CallStatistics.Percent(statistics.CostMicros, total.CostMicros));
        }).ToList();
        return new TierReport(rows, CallStatistics.From(total), window);
    }
}
