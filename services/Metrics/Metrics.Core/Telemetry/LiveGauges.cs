using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Metrics.Alerts;
using Platform.Metrics.Budget;
using Platform.Metrics.Reports;
using Platform.Metrics.Storage;

namespace Platform.Metrics.Telemetry;

/// <summary>
/// Gauges computed from PostgreSQL (so every replica reports the same fleet-wide value; aggregate them
/// with max, not sum): budget utilisation by agent, calls in flight by model, firing alerts by kind.
/// Refreshed in the background so a scrape never waits for the database.
/// </summary>
internal sealed class LiveGauges : BackgroundService
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ConcurrencyWindow = TimeSpan.FromMinutes(1);

    private readonly RollupSource _rollups;
    private readonly BudgetUtilisationStore _budgets;
    private readonly AlertStore _alerts;
    private readonly ILogger<LiveGauges> _logger;
    private volatile Values _values = new([], [], []);

    public LiveGauges(IMeterFactory meterFactory, RollupSource rollups, BudgetUtilisationStore budgets, AlertStore alerts, ILogger<LiveGauges> logger)
    {
        _rollups = rollups;
        _budgets = budgets;
        _alerts = alerts;
        _logger = logger;
        var meter = meterFactory.Create(MetricLabels.MeterName);
        meter.CreateObservableGauge("platform.budget.utilisation", () => _values.Budgets, "%",
            "Budget utilisation by agent and window, as last reported by the budget service (windows not yet over).");
        meter.CreateObservableGauge("platform.llm.active_calls", () => _values.InFlight, "{call}",
            "Average LLM calls in flight over the last minute, by model (sum of call latencies / elapsed time).");
        meter.CreateObservableGauge("platform.alerts.firing", () => _values.Firing, "{alert}",
            "Alerts firing now, by kind.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        try
        {
            do
            {
                try
                {
                    _values = await ReadAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    _logger.LogDebug("Refreshing gauges failed ({Error})", exception.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<Values> ReadAsync(CancellationToken cancellationToken)
    {
        var now = _rollups.UtcNow;
        var budgets = (await _budgets.ReadCurrentAsync(now, cancellationToken))
            .Select(b => new Measurement<double>(b.UtilisationPercent, new("agent", b.AgentId), new("window", b.Window), new("tier", MetricLabels.Tier(b.Tier))))
            .ToArray();

        // The last complete minute, so the value does not dip at the start of every minute.
        var minute = Grain.Minute.Floor(now) - ConcurrencyWindow;
        var rows = await _rollups.ReadAsync(RollupCube.Models, new TimeWindow(minute, minute + ConcurrencyWindow), RollupFilter.None,
            histograms: false, cancellationToken);
        var inFlight = RollupSource.SumBy(rows, key => key.Model)
            .Select(pair => new Measurement<double>(pair.Value.BusyMs / ConcurrencyWindow.TotalMilliseconds, new KeyValuePair<string, object?>("model", pair.Key)))
            .ToArray();

        var (firing, _) = await _alerts.ReadFiringAsync(cancellationToken);
        var byKind = firing.GroupBy(a => a.Kind)
            .Select(g => new Measurement<long>(g.Count(), new KeyValuePair<string, object?>("kind", AlertNames.Kind(g.Key))))
            .ToArray();
        return new Values(budgets, inFlight, byKind);
    }

    private sealed record Values(Measurement<double>[] Budgets, Measurement<double>[] InFlight, Measurement<long>[] Firing);
}
