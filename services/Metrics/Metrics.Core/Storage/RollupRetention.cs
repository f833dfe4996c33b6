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
            long deleted = 0, step;
            do
            {
                step = await DeleteOldestHourAsync(cube, cutoff, cancellationToken);
                deleted += step;
            }
            while (step > 0);

            if (deleted > 0)
                logger.LogInformation("Deleted {Count} minute rows older than {Cutoff:o} from {Table}", deleted, cutoff, cube.Table);
        }
    }

    // An hour of minute rows per statement: short transactions even when days have piled up (a first run,
    // or after an outage), so the job never hits a statement timeout and always makes progress.
    private async Task<int> DeleteOldestHourAsync(RollupCube cube, DateTime cutoff, CancellationToken cancellationToken)
    {
        await using var oldest = dataSource.CreateCommand($"SELECT min(bucket_start) FROM metrics.{cube.Table} WHERE grain = 1");
        if (await oldest.ExecuteScalarAsync(cancellationToken) is not DateTime first || first >= cutoff)
            return 0;

        // Constant bounds, so the planner walks the primary key's (grain, bucket_start) range instead of
        // scanning the table.
        await using var delete = dataSource.CreateCommand(
            $"DELETE FROM metrics.{cube.Table} WHERE grain = 1 AND bucket_start >= @first AND bucket_start < @until");
        delete.Parameters.AddWithValue("first", first);
        delete.Parameters.AddWithValue("until", first.AddHours(1) < cutoff ? first.AddHours(1) : cutoff);
        delete.CommandTimeout = 300;
        return await delete.ExecuteNonQueryAsync(cancellationToken);
    }
}
