using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Metrics.Reports;

namespace Platform.Metrics.Storage;

/// <summary>
/// Deletes minute roll-ups older than <see cref="ReportOptions.MinuteRetention"/> (hour and day rows are
/// kept). Idempotent, so every replica may run it.
/// </summary>
internal sealed class RollupRetention(NpgsqlDataSource dataSource, IOptions<ReportOptions> options, TimeProvider time,
    ILogger<RollupRetention> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await DeleteExpiredAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning("Deleting expired minute roll-ups failed ({Error})", exception.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.MinuteRetention;
        foreach (var cube in RollupCube.All)
        {
            await using var command = dataSource.CreateCommand($"DELETE FROM metrics.{cube.Table} WHERE grain = 1 AND bucket_start < @cutoff");
            command.Parameters.AddWithValue("cutoff", cutoff);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            if (deleted > 0)
                logger.LogInformation("Deleted {Count} minute rows older than {Cutoff:o} from {Table}", deleted, cutoff, cube.Table);
        }
    }
}
