using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Budget.Hosting;
using Platform.Budget.Registry;

namespace Platform.Budget.Reallocation;

/// <summary>
/// The periodic reallocation: every replica checks every few seconds whether a run is due (fleet
/// setting reallocation.interval, switch reallocation.enabled, deployment switch
/// Budget:Reallocation:Enabled); the run lock and the last-run mark, checked under the lock, keep it
/// to one run per interval across replicas.
/// </summary>
public sealed class ReallocationScheduler(
    ReallocationRunner runner,
    BudgetSettings settings,
    AgentDirectory directory,
    ILogger<ReallocationScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = settings.Options.Reallocation;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CheckInterval, stoppingToken);
                var fleet = directory.Current.Fleet;
                if (!options.Enabled || !fleet.Reallocation.Enabled)
                {
                    continue;
                }

                var run = await runner.RunIfDueAsync(fleet.Reallocation.Interval, stoppingToken);
                if (run is { Moves.Count: > 0 })
                {
                    logger.LogInformation("Reallocation {Id} moved budget {Count} time(s)", run.ReallocationId, run.Moves.Count);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Scheduled reallocation skipped");
            }
        }
    }
}
