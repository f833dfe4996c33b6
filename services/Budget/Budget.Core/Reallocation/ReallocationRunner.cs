using System.Globalization;
using System.Text.Json;
using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Platform.Budget.Events;
using Platform.Budget.Hosting;
using Platform.Budget.Registry;
using Platform.Budget.Reports;
using Platform.Redis;

namespace Platform.Budget.Reallocation;

/// <summary>
/// PreviewReallocation and RunReallocation: plan from the ledger's recent demand and the current
/// windows, then apply atomically in Redis (re-checking each move against live counters), one run at
/// a time across replicas (a Redis lock with a TTL), each move a pair of REALLOCATION ledger entries.
/// </summary>
public sealed class ReallocationRunner(
    IRedisDatabase redis,
    BudgetSettings settings,
    AgentDirectory directory,
    DemandReader demand,
    ReallocationStore store,
    ServerClock clock)
{
    private static readonly LuaScript Unlock = new(
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0");

    private static readonly TimeSpan MinLookback = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxLookback = TimeSpan.FromHours(24);

    public async Task<(IReadOnlyList<ReallocationMove> Moves, DateTimeOffset AsOf)> PreviewAsync(TimeSpan? lookback,
        CancellationToken cancellationToken = default)
    {
        var span = Lookback(lookback);
        var now = await clock.NowAsync(cancellationToken);
        return (await PlanAsync(span, now, cancellationToken), now);
    }

    public async Task<ReallocationRun> RunAsync(string idempotencyKey, TimeSpan? lookback, bool scheduled, CancellationToken cancellationToken = default)
    {
        Require.IdempotencyKey(idempotencyKey);
        var span = Lookback(lookback);
        var lookbackMs = (long)span.TotalMilliseconds;
        if (await store.FindAsync(idempotencyKey, cancellationToken) is { } earlier)
        {
            return earlier.LookbackMs == lookbackMs
                ? earlier.Run
                : throw BudgetErrors.IdempotencyKeyReused(idempotencyKey, "RunReallocation (another lookback)");
        }

        return await UnderLockAsync(async () =>
        {
            var run = await ApplyAsync(span, scheduled, cancellationToken);
            if (!await store.SaveAsync(idempotencyKey, lookbackMs, run, cancellationToken) &&
                await store.FindAsync(idempotencyKey, cancellationToken) is { } winner)
            {
                return winner.Run;
            }

            await redis.StringSetAsync(settings.Keys.ReallocationLastRun, run.RunTime.ToUnixTimeMilliseconds(), cancellationToken: cancellationToken);
            return run;
        }, cancellationToken) ?? throw new BudgetException(BudgetErrorKind.Unavailable,
            "Another reallocation run is in progress; retry in a few seconds with the same key.", "REALLOCATION_RUNNING");
    }

    /// <summary>
    /// The periodic run: under the run lock, runs only if no run (by any replica) happened within
    /// <paramref name="interval"/>. Null when not due or another replica holds the lock.
    /// </summary>
    public Task<ReallocationRun?> RunIfDueAsync(TimeSpan interval, CancellationToken cancellationToken = default) =>
        UnderLockAsync<ReallocationRun?>(async () =>
        {
            var now = await clock.NowAsync(cancellationToken);
            var last = await redis.StringGetAsync(settings.Keys.ReallocationLastRun, cancellationToken);
            if (!last.IsNull && now.ToUnixTimeMilliseconds() - (long)last < interval.TotalMilliseconds)
            {
                return null;
            }

            var lookback = Lookback(null);
            var run = await ApplyAsync(lookback, scheduled: true, cancellationToken);
            await store.SaveAsync("scheduled:" + run.ReallocationId, (long)lookback.TotalMilliseconds, run, cancellationToken);
            await redis.StringSetAsync(settings.Keys.ReallocationLastRun, run.RunTime.ToUnixTimeMilliseconds(), cancellationToken: cancellationToken);
            return run;
        }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> holding the fleet's reallocation lock; default when another holder has it.</summary>
    private async Task<T?> UnderLockAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        if (!await redis.StringSetAsync(settings.Keys.ReallocationLock, token, settings.Options.Reallocation.LockTtl, When.NotExists, cancellationToken))
        {
            return default;
        }

        try
        {
            return await work();
        }
        finally
        {
            await redis.ScriptEvaluateAsync(Unlock, [settings.Keys.ReallocationLock], [token], CancellationToken.None);
        }
    }

    private async Task<ReallocationRun> ApplyAsync(TimeSpan lookback, bool scheduled, CancellationToken cancellationToken)
    {
        var id = "ra-" + Guid.NewGuid().ToString("N")[..20];
        for (var attempt = 1; ; attempt++)
        {
            var now = await clock.NowAsync(cancellationToken);
            var planned = await PlanAsync(lookback, now, cancellationToken);
            var (hour, day) = Windows(now);
            var args = new List<RedisValue> { hour, day, id, settings.Options.Reallocation.FloorPercent, settings.DayWindowTtlSeconds };
            foreach (var move in planned)
            {
                args.AddRange([move.FromAgentId, move.ToAgentId, move.Tokens, move.CostMicros, move.Reason]);
            }

            var reply = planned.Count == 0
                ? null
                : await redis.ScriptEvaluateAsync(BudgetScripts.Reallocate, [settings.Keys.Config, settings.Keys.Day(day), settings.Keys.Ledger],
                    [.. args], cancellationToken);
            if (reply is not null && reply.Length == 3 && (long)reply[0] == -2 && attempt < 3)
            {
                continue; // the window rolled over between planning and applying: plan again
            }

            var applied = Applied(reply, planned);
            var run = new ReallocationRun(id, applied, now);
            if (applied.Count > 0)
            {
                await PublishAsync(run, scheduled, cancellationToken);
            }

            return run;
        }
    }

    private async Task<List<ReallocationMove>> PlanAsync(TimeSpan lookback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (hour, day) = Windows(now);
        var recent = await demand.ReadAsync(now - lookback, cancellationToken);
        var (hourly, daily) = WindowCounters.FromDay(await redis.HashGetAllAsync(settings.Keys.Day(day), cancellationToken), hour);
        return ReallocationPlanner.Plan(directory.Current, recent, hourly, daily, lookback, settings.Options.Reallocation.FloorPercent);
    }

    /// <summary>The moves as applied: the script may have shrunk one (budget consumed since planning) or skipped it.</summary>
    private static List<ReallocationMove> Applied(RedisResult? reply, List<ReallocationMove> planned)
    {
        var applied = new List<ReallocationMove>();
        if (reply is null)
        {
            return applied;
        }

        for (var i = 0; i + 3 < reply.Length; i += 4)
        {
            var from = (string)reply[i]!;
            var to = (string)reply[i + 1]!;
            var plan = planned.First(m => m.FromAgentId == from && m.ToAgentId == to);
            applied.Add(plan with { Tokens = (long)reply[i + 2], CostMicros = (long)reply[i + 3] });
        }

        return applied;
    }

    private async Task PublishAsync(ReallocationRun run, bool scheduled, CancellationToken cancellationToken)
    {
        NameValueEntry[] fields =
        [
            new("e", (int)BudgetEventType.Reallocation),
            new("ts", run.RunTime.ToUnixTimeMilliseconds()),
            new("rid", run.ReallocationId),
            new("sc", scheduled ? 1 : 0),
            new("mv", JsonSerializer.Serialize(run.Moves, BudgetEventStreamEntry.Json)),
        ];
        await redis.StreamAddAsync(settings.Keys.Events, fields, maxLength: settings.Options.EventsMaxLength, useApproximateMaxLength: true,
            cancellationToken: cancellationToken);
    }

    private TimeSpan Lookback(TimeSpan? requested)
    {
        var lookback = requested ?? directory.Current.Fleet.Reallocation.Lookback;
        if (lookback < MinLookback || lookback > MaxLookback)
        {
            throw BudgetErrors.Invalid(string.Create(CultureInfo.InvariantCulture,
                $"lookback must be between 5min and 24h; got {lookback.TotalMinutes:0.##}min."));
        }

        return lookback;
    }

    private static (long Hour, long Day) Windows(DateTimeOffset now) =>
        (BudgetWindows.HourIndex(now.ToUnixTimeMilliseconds()), BudgetWindows.DayIndex(now.ToUnixTimeMilliseconds()));
}
