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
    private const int Batch = 1000;
    private const int MaxRoundsPerSweep = 32;
    private static readonly RedisValue BatchValue = Batch;

    private readonly BudgetKeys _keys = settings.Keys;

    public async Task<SweepResult> SweepOnceAsync(CancellationToken cancellationToken = default)
    {
        // Most expired reservations were granted today or yesterday; the script hands back the ids of
        // any other day, and the next round declares those days' keys.
        var today = BudgetWindows.DayIndex(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        IReadOnlyCollection<long> days = [today, today - 1];
        long expired = 0, forgotten = 0;
        for (var round = 0; round < MaxRoundsPerSweep; round++)
        {
            var reply = await RunAsync(days, cancellationToken);
            expired += (long)reply[0];
            forgotten += (long)reply[1];
            var others = new SortedSet<long>();
            for (var i = 2; i < reply.Length; i++)
            {
                if (ReservationIds.TryParseHour((string)reply[i]!, out var hour))
                {
                    others.Add(BudgetWindows.DayOfHour(hour));
                }
            }

            var full = (long)reply[0] + (long)reply[1] + (reply.Length - 2) >= Batch;
            if (others.Count == 0 && !full)
            {
                break;
            }

            days = others.Count == 0 ? days : others.Take(8).ToList();
        }

        return new SweepResult(expired, forgotten);
    }

    private ValueTask<RedisResult> RunAsync(IReadOnlyCollection<long> days, CancellationToken cancellationToken)
    {
        var keys = new List<RedisKey> { _keys.Config, _keys.Reservations, _keys.Expiries, _keys.Ledger, _keys.Events };
        var args = new List<RedisValue> { settings.EventsMaxLength, BatchValue, settings.SettledRetentionMs };
        foreach (var day in days)
        {
            keys.Add(_keys.Day(day));
            args.Add(day);
        }

        return redis.ScriptEvaluateAsync(BudgetScripts.Expire, [.. keys], [.. args], cancellationToken);
    }
}
