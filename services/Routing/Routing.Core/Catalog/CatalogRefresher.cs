using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Routing.Catalog;

/// <summary>
/// Re-reads the stored catalog every few seconds, so an admin write on any replica reaches every other
/// replica quickly. A failed read keeps the last good catalog.
/// </summary>
public sealed partial class CatalogRefresher(ModelCatalog catalog, CatalogStore store, TimeSpan interval, ILogger<CatalogRefresher> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            catalog.Apply(await store.LoadAsync(cancellationToken));
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-read the stored catalog; keeping the last one")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
