using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Budget.Accounting;
using Platform.Budget.Hosting;
using Platform.Budget.Registry;
using Platform.Redis;

namespace Platform.Budget.Reallocation;

/// <summary>
/// The periodic reallocation: every replica checks every few seconds whether a run is due (fleet
/// setting reallocation.interval, switch reallocation.enabled, deployment switch
/// Budget:Reallocation:Enabled); the run's idempotency key is the interval slot, and the run lock
/// keeps it to one replica.
/// </summary>
public sealed class ReallocationScheduler(
    ReallocationRunner runner,
    IRedisDatabase redis,
    BudgetSettings settings,
    AgentDirectory directory,
    ServerClock clock,
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

                var now = await clock.NowAsync(stoppingToken);
                var last = await redis.StringGetAsync(settings.Keys.ReallocationLastRun, stoppingToken);
                var interval = fleet.Reallocation.Interval;
                if (!last.IsNull && now.ToUnixTimeMilliseconds() - (long)last < interval.TotalMilliseconds)
                {
                    continue;
                }

                var slot = now.ToUnixTimeMilliseconds() / (long)interval.TotalMilliseconds;
                var run = await runner.RunAsync("scheduled:" + slot.ToString(CultureInfo.InvariantCulture), null, scheduled: true, stoppingToken);
                if (run.Moves.Count > 0)
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
