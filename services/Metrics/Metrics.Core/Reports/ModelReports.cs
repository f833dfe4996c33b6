using Platform.Metrics.Storage;

namespace Platform.Metrics.Reports;

public sealed record ModelReportRequest(TimeWindow Window, IReadOnlyCollection<string> Models, string Provider, string AgentId);

public sealed record ModelReportRow(string Model, string Provider, CallStatistics Statistics);

public sealed record ModelReport(IReadOnlyList<ModelReportRow> Models, CallStatistics Total, TimeWindow Window);

/// <summary>Per-model statistics (requests, success, latency percentiles, tokens, cost) over a window.</summary>
public sealed class ModelReports(RollupSource source)
{
    public async Task<ModelReport> GetAsync(ModelReportRequest request, CancellationToken cancellationToken)
    {
        // Only the agent x model cube knows which agent made a model's calls.
        var cube = request.AgentId.Length > 0 ? RollupCube.AgentModels : RollupCube.Models;
        var filter = new RollupFilter
        {
            Models = request.Models,
            Provider = request.Provider,
            AgentIds = request.AgentId.Length > 0 ? [request.AgentId] : null,
        };
        var rows = await source.ReadAsync(cube, request.Window, filter, histograms: true, cancellationToken);

        var byModel = RollupSource.SumBy(rows, key => (key.Model, key.Provider));
        var models = byModel
            .Select(pair => new ModelReportRow(pair.Key.Model, pair.Key.Provider, CallStatistics.From(pair.Value)))
            .OrderByDescending(row => row.Statistics.CostMicros)
            .ThenBy(row => row.Model, StringComparer.Ordinal)
            .ThenBy(row => row.Provider, StringComparer.Ordinal)
            .ToList();
        return new ModelReport(models, CallStatistics.From(RollupSource.Sum(rows)), request.Window);
    }
}
