using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Redis;

namespace Platform.Budget.Accounting;

/// <summary>
/// Every Redis key of one fleet. All carry the hash tag {fleet}, so a fleet's keys live in one
/// Cluster slot and every script may declare all of them: one fleet = one slot; scale out by fleets.
/// </summary>
public sealed partial class BudgetKeys
{
    private readonly string _prefix;
    // Swapped as a whole object, so a reader never pairs one day's index with another's key.
    private CachedKey? _day;

    public BudgetKeys(string fleetId)
    {
        if (!FleetIdPattern().IsMatch(fleetId))
        {
            throw new ArgumentException($"Fleet id '{fleetId}' must be 1-64 characters of [A-Za-z0-9_-].", nameof(fleetId));
        }

        FleetId = fleetId;
        _prefix = $"bgt:{{{fleetId}}}:";
        Config = _prefix + "cfg";
        Reservations = _prefix + "res";
        Expiries = _prefix + "exp";
        Ledger = _prefix + "ledger";
        Events = _prefix + "events";
        Samples = _prefix + "out";
        ReallocationLock = _prefix + "realloc:lock";
        ReallocationLastRun = _prefix + "realloc:last";
        Watchers = _prefix + "watchers";
    }

    public string FleetId { get; }

    /// <summary>Hash: fleet and agent configuration mirrored from PostgreSQL (plus the test clock offset).</summary>
    public RedisKey Config { get; }

    /// <summary>Hash: reservation id -> record (active ones, and settled ones until pruned).</summary>
    public RedisKey Reservations { get; }

    /// <summary>
    /// Sorted set of reservation ids by when the sweeper must look at them: an active one at its expiry,
    /// a settled one when its retention ends (then it is forgotten).
    /// </summary>
    public RedisKey Expiries { get; }

    /// <summary>Stream: every decision, consumed into PostgreSQL.</summary>
    public RedisKey Ledger { get; }

    /// <summary>Stream: operator events (warnings, denials, borrowing, expiries, reallocation, config).</summary>
    public RedisKey Events { get; }

    /// <summary>Hash: recent output lengths per agent, for p95 sizing.</summary>
    public RedisKey Samples { get; }

    public RedisKey ReallocationLock { get; }

    public RedisKey ReallocationLastRun { get; }

    /// <summary>Hash: event fan-out group -> last heartbeat, to clean up groups of dead replicas.</summary>
    public RedisKey Watchers { get; }

    /// <summary>
    /// Hash of one UTC day's counters: per agent its day window ("&lt;agent&gt;") and its clock-hour
    /// windows ("&lt;agent&gt;@&lt;hour index&gt;"), and the fleet's ("*", "*@&lt;hour&gt;"), each packed
    /// (see <see cref="PackedWindow"/>). Cached: the hot path asks for the same day all day.
    /// </summary>
    public RedisKey Day(long dayIndex)
    {
        var cached = Volatile.Read(ref _day);
        if (cached is not null && cached.Index == dayIndex)
        {
            return cached.Key;
        }

        RedisKey key = _prefix + "d:" + dayIndex.ToString(CultureInfo.InvariantCulture);
        Volatile.Write(ref _day, new CachedKey(dayIndex, key));
        return key;
    }

    /// <summary>String: a Reserve idempotency key's fingerprint and original reply.</summary>
    public RedisKey Idempotency(string idempotencyKey) => _prefix + "idem:" + idempotencyKey;

    private sealed record CachedKey(long Index, RedisKey Key);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex FleetIdPattern();
}
