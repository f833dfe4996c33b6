using Platform.Budget.Domain;
using Platform.Budget.Hosting;
using Platform.Budget.Sizing;
using Platform.Redis;

namespace Platform.Budget.Accounting;

/// <summary>
/// Reserve, commit, release and extend: validation here, the decision in one Lua script per call
/// (one EVALSHA, no PostgreSQL on this path).
/// </summary>
public sealed class BudgetAccountant(IRedisDatabase redis, BudgetSettings settings, WindowGuess windows, OutputSizer sizer)
{
    // A wrong window guess is corrected by the script's reply; more than a couple in a row means
    // the clock moved while we retried, which a fresh guess handles.
    private const int MaxWindowRetries = 3;

    private readonly BudgetKeys _keys = settings.Keys;

    public async ValueTask<ReserveResult> ReserveAsync(ReserveCommand command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        var (estimate, mode) = sizer.Estimate(command.AgentId, command.MaxOutputTokens);
        var price = command.Price ?? default;
        var cost = Cost.Micros(command.EstimatedInputTokens, estimate, price);
        var fingerprint = RequestFingerprint.Of(command);
        var ttlMs = command.Ttl is { } ttl ? (long)ttl.TotalMilliseconds : 0;
        var idempotencyKey = _keys.Idempotency(command.IdempotencyKey);

        for (var attempt = 1; ; attempt++)
        {
            var (hour, day) = windows.Current();
            RedisKey[] keys = [_keys.Config, _keys.Day(day), _keys.Reservations, _keys.Expiries, idempotencyKey, _keys.Ledger, _keys.Events];
            RedisValue[] args =
            [
                hour, day, command.AgentId, ReservationIds.New(hour), command.EstimatedInputTokens, estimate, (int)mode,
                price.InputMicrosPerMTok, price.OutputMicrosPerMTok, cost, command.Price is null ? 0 : 1, command.Model,
                ttlMs, (int)command.TierOverride, command.RequestId, command.TaskId, command.IdempotencyKey, fingerprint,
                settings.IdempotencyTtlMs, settings.DayWindowTtlSeconds, settings.EventsMaxLength, settings.SettledRetentionMs,
            ];
            var reply = await redis.ScriptEvaluateAsync(BudgetScripts.Reserve, keys, args, cancellationToken);
            if (ScriptReplies.IsWrongWindow(reply, out var actualHour) && attempt < MaxWindowRetries)
            {
                windows.Learn(actualHour);
                continue;
            }

            return ScriptReplies.ReadReserve(reply, command);
        }
    }

    public async ValueTask<CommitResult> CommitAsync(CommitCommand command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        RedisKey[] keys =
        [
            _keys.Config, _keys.Reservations, _keys.Expiries, GrantDay(command.ReservationId), _keys.Ledger, _keys.Events, _keys.Samples,
        ];
        RedisValue[] args =
        [
            command.ReservationId, command.InputTokens, command.OutputTokens, command.CostMicros ?? -1, command.Model,
            settings.DayWindowTtlSeconds, settings.EventsMaxLength, settings.OutputSampleSize, settings.SettledRetentionMs,
        ];
        var reply = await redis.ScriptEvaluateAsync(BudgetScripts.Commit, keys, args, cancellationToken);
        return ScriptReplies.ReadCommit(reply, command.ReservationId);
    }

    public async ValueTask<ReleaseResult> ReleaseAsync(ReleaseCommand command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        RedisKey[] keys = [_keys.Config, _keys.Reservations, _keys.Expiries, GrantDay(command.ReservationId), _keys.Ledger];
        RedisValue[] args = [command.ReservationId, command.Reason, command.Message, settings.SettledRetentionMs];
        var reply = await redis.ScriptEvaluateAsync(BudgetScripts.Release, keys, args, cancellationToken);
        return ScriptReplies.ReadRelease(reply, command.ReservationId);
    }

    public async ValueTask<Reservation> ExtendAsync(ExtendCommand command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        RedisKey[] keys = [_keys.Config, _keys.Reservations, _keys.Expiries, GrantDay(command.ReservationId), _keys.Ledger, _keys.Events];
        RedisValue[] args = [command.ReservationId, (long)command.Ttl!.Value.TotalMilliseconds, settings.EventsMaxLength, settings.SettledRetentionMs];
        var reply = await redis.ScriptEvaluateAsync(BudgetScripts.Extend, keys, args, cancellationToken);
        return ScriptReplies.ReadReservation(reply, command.ReservationId);
    }

    /// <summary>The counters of the reservation's grant day (its id carries the grant hour).</summary>
    private RedisKey GrantDay(string reservationId) =>
        ReservationIds.TryParseHour(reservationId, out var hour)
            ? _keys.Day(BudgetWindows.DayOfHour(hour))
            : throw BudgetErrors.ReservationNotFound(reservationId);
}
