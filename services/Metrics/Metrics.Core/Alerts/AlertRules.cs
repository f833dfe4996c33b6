using Platform.Metrics.Budget;
using Platform.Metrics.Reports;
using Platform.Metrics.Storage;
using Platform.Metrics.V1;

namespace Platform.Metrics.Alerts;

/// <summary>Which alert conditions hold, given the recent roll-ups and budget utilisation.</summary>
public static class AlertRules
{
    public static List<AlertCondition> Evaluate(
        IReadOnlyList<RollupRow> recentModelRows, TimeSpan span, IReadOnlyList<BudgetUtilisation> budgets, AlertOptions options)
    {
        var conditions = new List<AlertCondition>();
        var fleet = RollupSource.Sum(recentModelRows);

        // Calls denied before a model was chosen have no model to blame.
        var byModel = RollupSource.SumBy(recentModelRows.Where(r => r.Key.Model.Length > 0), key => key.Model);
        foreach (var (model, tally) in byModel.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (tally.OkCount >= options.MinRequests)
                Above(conditions, AlertKind.P95LatencyHigh, AlertScope.Model, model, tally.Latency.Percentile(95),
                    options.P95LatencyThresholdMs, "ms", options, $"p95 latency of {model}");
            if (tally.RequestCount >= options.MinRequests)
            {
                Above(conditions, AlertKind.RateLimitHigh, AlertScope.Model, model,
                    CallStatistics.Percent(tally.RateLimitedCount, tally.RequestCount), options.RateLimitThresholdPercent,
                    "percent", options, $"rate-limited calls of {model}");
                Above(conditions, AlertKind.ErrorRateHigh, AlertScope.Model, model,
                    CallStatistics.Percent(tally.ErrorCount + tally.TimeoutCount, tally.RequestCount), options.ErrorRateThresholdPercent,
                    "percent", options, $"failed (error, timeout) calls of {model}");
            }
        }

        if (fleet.RequestCount >= options.MinRequests)
        {
            Above(conditions, AlertKind.RateLimitHigh, AlertScope.Fleet, "",
                CallStatistics.Percent(fleet.RateLimitedCount, fleet.RequestCount), options.RateLimitThresholdPercent,
                "percent", options, "rate-limited calls of the fleet");
            Above(conditions, AlertKind.ErrorRateHigh, AlertScope.Fleet, "",
                CallStatistics.Percent(fleet.ErrorCount + fleet.TimeoutCount, fleet.RequestCount), options.ErrorRateThresholdPercent,
                "percent", options, "failed (error, timeout) calls of the fleet");
        }

        var perMinute = fleet.RequestCount / Math.Max(span.TotalMinutes, 1.0 / 60);
        if (options.ThroughputFloorPerMinute > 0 && perMinute < options.ThroughputFloorPerMinute)
        {
            var severity = perMinute * options.CriticalFactor < options.ThroughputFloorPerMinute ? AlertSeverity.Critical : AlertSeverity.Warning;
            conditions.Add(new AlertCondition(AlertKind.ThroughputLow, AlertScope.Fleet, "", Math.Round(perMinute, 2),
                options.ThroughputFloorPerMinute, "requests_per_minute", severity,
                $"fleet throughput {perMinute:0.##}/min is below the floor of {options.ThroughputFloorPerMinute:0.##}/min"));
        }

        foreach (var agent in budgets.GroupBy(b => b.AgentId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var worst = agent.MaxBy(b => b.UtilisationPercent)!;
            if (worst.UtilisationPercent < options.BudgetUtilisationThresholdPercent)
                continue;
            var severity = worst.UtilisationPercent >= 100 ? AlertSeverity.Critical : AlertSeverity.Warning;
            conditions.Add(new AlertCondition(AlertKind.BudgetUtilisationHigh, AlertScope.Agent, agent.Key,
                Math.Round(worst.UtilisationPercent, 2), options.BudgetUtilisationThresholdPercent, "percent", severity,
                $"budget of {agent.Key} is {worst.UtilisationPercent:0.#}% used ({worst.Window})"));
        }

        return conditions;
    }

    private static void Above(List<AlertCondition> conditions, AlertKind kind, AlertScope scope, string scopeId, double observed,
        double threshold, string unit, AlertOptions options, string what)
    {
        if (observed <= threshold)
            return;
        var severity = observed >= threshold * options.CriticalFactor ? AlertSeverity.Critical : AlertSeverity.Warning;
        var shown = unit == "ms" ? $"{observed:0} ms" : $"{observed:0.#}%";
        var limit = unit == "ms" ? $"{threshold:0} ms" : $"{threshold:0.#}%";
        conditions.Add(new AlertCondition(kind, scope, scopeId, Math.Round(observed, 2), threshold, unit, severity,
            $"{what} is {shown}, above {limit}"));
    }
}
