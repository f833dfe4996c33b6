using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Budget.Hosting;

namespace Platform.Budget.Expiry;

/// <summary>Runs the sweeper on every replica every Budget:SweepInterval (the scripts make concurrent sweeps harmless).</summary>
public sealed class ReservationSweepService(ReservationSweeper sweeper, BudgetSettings settings, ILogger<ReservationSweepService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Options.SweepInterval);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                var result = await sweeper.SweepOnceAsync(stoppingToken);
                if (result.Reclaimed > 0)
                {
                    logger.LogInformation("Reclaimed {Count} expired reservation(s)", result.Reclaimed);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Reservation sweep failed; retrying next interval");
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
