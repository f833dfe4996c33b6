using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Budget.Hosting;
using Platform.Budget.Sizing;

namespace Platform.Budget.Registry;

/// <summary>
/// Keeps this replica current: at start-up (after the seed) and then every few seconds, brings the
/// registry snapshot and the Redis mirror up to PostgreSQL's version (another replica's change, or a
/// Redis that lost its data), and refreshes the p95 output sizes.
/// </summary>
public sealed class RegistrySyncService(
    AgentRegistry registry,
    OutputSizer sizer,
    BudgetSettings settings,
    SeedRunner seed,
    ILogger<RegistrySyncService> logger) : BackgroundService
{
    private readonly TaskCompletionSource _firstSync = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes after the first successful sync (the mirror exists in Redis).</summary>
    public Task FirstSync => _firstSync.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seeded = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!seeded)
                {
                    await seed.RunAsync(stoppingToken);
                    seeded = true;
                }

                await registry.SyncAsync(stoppingToken);
                await sizer.RefreshAsync(stoppingToken);
                _firstSync.TrySetResult();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Registry sync failed (PostgreSQL or Redis unavailable); serving the last snapshot");
            }

            try
            {
                await Task.Delay(settings.Options.RefreshInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
