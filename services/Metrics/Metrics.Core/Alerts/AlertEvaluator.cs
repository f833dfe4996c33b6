using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Metrics.Budget;
using Platform.Metrics.Reports;
using Platform.Metrics.Storage;

namespace Platform.Metrics.Alerts;

/// <summary>Evaluates the alert rules every <see cref="AlertOptions.EvaluationInterval"/> and records what changed.</summary>
internal sealed class AlertEvaluator(
    RollupSource rollups,
    BudgetUtilisationStore budgets,
    AlertStore store,
    IOptions<AlertOptions> options,
    ILogger<AlertEvaluator> logger) : BackgroundService
{
    private readonly AlertOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.EvaluationInterval);
        try
        {
            do
            {
                try
                {
                    await EvaluateOnceAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning("Alert evaluation failed ({Error}); next round in {Interval}", exception.Message, _options.EvaluationInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task EvaluateOnceAsync(CancellationToken cancellationToken)
    {
        var now = rollups.UtcNow;
        // Whole minutes back from the current one, which is included as far as it has gone.
        var window = new TimeWindow(Grain.Minute.Floor(now) - _options.Window + Grain.Minute.Length(), now);
        var rows = await rollups.ReadAsync(RollupCube.Models, window, RollupFilter.None, histograms: true, cancellationToken);
        var readings = await budgets.ReadCurrentAsync(now, cancellationToken);

        var conditions = AlertRules.Evaluate(rows, window.Length, readings, _options);
        var changes = await store.ApplyAsync(conditions, now, _options.UpdateWhenValueMovesBy, cancellationToken);
        foreach (var change in changes)
        {
            logger.LogInformation("Alert {AlertId} {Change}: {Message}", change.Alert.AlertId, change.Change, change.Alert.Message);
        }
    }
}
