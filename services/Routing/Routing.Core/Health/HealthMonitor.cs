using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Routing.Catalog;
using Platform.Routing.Limits;

namespace Platform.Routing.Health;

/// <summary>
/// Every second, reads every catalog model's shared state from Redis into the health board, so that
/// routing sees breakers opened and load added by the other replicas.
/// </summary>
public sealed partial class HealthMonitor(ModelCatalog catalog, SharedLimits limits, ModelHealthBoard board, HealthOptions options, ILogger<HealthMonitor> logger)
    : BackgroundService
{
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var models = catalog.Current.Models;
        var reads = new Task<ModelHealthSnapshot>[models.Count];
        for (var i = 0; i < models.Count; i++)
            reads[i] = limits.ReadHealthAsync(models[i].Name, cancellationToken).AsTask();
        foreach (var snapshot in await Task.WhenAll(reads))
            board.Set(snapshot);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RefreshInterval);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRefreshFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read model health from Redis; routing keeps the last known state")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
