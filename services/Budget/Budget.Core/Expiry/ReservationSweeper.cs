using Platform.Budget.Accounting;
using Platform.Budget.Hosting;
using Platform.Redis;

namespace Platform.Budget.Expiry;

/// <summary>
/// Returns the budget of reservations nobody committed or released (the caller crashed) once their
/// expiry passes, each with an EXPIRE ledger entry, and forgets settled reservations after the
/// retention period. Reserve also reclaims lazily; this catches agents nobody reserves for.
/// </summary>
public sealed class ReservationSweeper(IRedisDatabase redis, BudgetSettings settings)
{
    private const int ReclaimBatch = 256;
    private const int PruneBatch = 1000;
    private const int MaxRoundsPerSweep = 32;
    private static readonly RedisValue ReclaimBatchValue = ReclaimBatch;
    private static readonly RedisValue PruneBatchValue = PruneBatch;

    private readonly BudgetKeys _keys = settings.Keys;

    public async Task<SweepResult> SweepOnceAsync(CancellationToken cancellationToken = default)
    {
        // Most expired reservations were granted this hour or the last; the script hands back the
        // ids of any other window, and the next round declares those windows' keys.
        var hour = BudgetWindows.HourIndex(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        IReadOnlyCollection<long> hours = [hour, hour - 1];
        long reclaimed = 0, pruned = 0;
        for (var round = 0; round < MaxRoundsPerSweep; round++)
        {
            var reply = await RunAsync(hours, cancellationToken);
            reclaimed += (long)reply[0];
            pruned += (long)reply[1];
            var others = new SortedSet<long>();
            for (var i = 2; i < reply.Length; i++)
            {
                if (ReservationIds.TryParseHour((string)reply[i]!, out var other))
                {
                    others.Add(other);
                }
            }

            var more = (long)reply[0] == ReclaimBatch || (long)reply[1] == PruneBatch;
            if (others.Count == 0 && !more)
            {
                break;
            }

            hours = others.Count == 0 ? hours : others.Take(8).ToList();
        }

        return new SweepResult(reclaimed, pruned);
    }

    private ValueTask<RedisResult> RunAsync(IReadOnlyCollection<long> hours, CancellationToken cancellationToken)
    {
        var keys = new List<RedisKey> { _keys.Config, _keys.Reservations, _keys.Expiries, _keys.Settled, _keys.Ledger, _keys.Events };
        var args = new List<RedisValue> { settings.EventsMaxLength, ReclaimBatchValue, settings.SettledRetentionMs, PruneBatchValue };
        foreach (var hour in hours)
        {
            var day = BudgetWindows.DayOfHour(hour);
            keys.Add(_keys.Hour(hour));
            keys.Add(_keys.Day(day));
            args.Add(hour);
            args.Add(day);
        }

        return redis.ScriptEvaluateAsync(BudgetScripts.Expire, [.. keys], [.. args], cancellationToken);
    }
}
