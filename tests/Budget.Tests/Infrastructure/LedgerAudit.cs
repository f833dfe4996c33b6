using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Platform.Budget.Ledger;

namespace Platform.Budget.Tests.Infrastructure;

/// <summary>
/// Replays the ledger in its order (the order Redis decided in) from nothing but the entries and
/// the agents' configured limits, and checks every grant: the replayed committed + reserved + the
/// request never exceeded the allowance (limit + reallocated - lent + borrowed) at that moment, in
/// every limited dimension; and what the script recorded as its inputs matches the replay.
/// </summary>
public sealed class LedgerAudit
{
    private readonly Dictionary<(string Agent, char Window, long Index), Counters> _counters = [];
    private readonly Dictionary<string, Held> _reservations = new(StringComparer.Ordinal);

    public List<string> Violations { get; } = [];

    public int Grants { get; private set; }

    public int Denials { get; private set; }

    public int Expiries { get; private set; }

    public static LedgerAudit Replay(IEnumerable<LedgerEntry> entries, IReadOnlyDictionary<string, BudgetLimits> limits)
    {
        var audit = new LedgerAudit();
        var ordered = entries.OrderBy(e => e.EntryMs).ThenBy(e => e.EntrySequence).ToList();
        var loans = ordered.Where(e => e.Type == LedgerEntryType.Borrow).ToLookup(e => e.ReservationId);
        foreach (var entry in ordered)
        {
            audit.Apply(entry, loans[entry.ReservationId], limits);
        }

        return audit;
    }

    /// <summary>Replayed counters of an agent's window: 'h' hour index or 'd' day index.</summary>
    public Counters CountersOf(string agent, char window, long index) => Get(agent, window, index);

    public IEnumerable<((string Agent, char Window, long Index) Key, Counters Counters)> AllCounters() =>
        _counters.Select(pair => (pair.Key, pair.Value));

    public IReadOnlyCollection<string> ActiveReservations => _reservations.Where(r => r.Value.Active).Select(r => r.Key).ToList();

    private void Apply(LedgerEntry entry, IEnumerable<LedgerEntry> loans, IReadOnlyDictionary<string, BudgetLimits> limits)
    {
        var ms = entry.CreateTime.ToUnixTimeMilliseconds();
        switch (entry.Type)
        {
            case LedgerEntryType.Grant:
            {
                Grants++;
                var hour = BudgetWindows.HourIndex(ms);
                var day = BudgetWindows.DayIndex(ms);
                foreach (var loan in loans)
                {
                    Get(entry.AgentId, 'h', hour).B += loan.Tokens;
                    Get(loan.CounterpartyAgentId, 'h', hour).L += loan.Tokens;
                    Get(entry.AgentId, 'd', day).B += loan.CostMicros;
                    Get(loan.CounterpartyAgentId, 'd', day).L += loan.CostMicros;
                }

                Check(entry, limits[entry.AgentId], hour, day);
                Reserve(entry.AgentId, hour, day, entry.Tokens, entry.CostMicros);
                _reservations[entry.ReservationId] = new Held(entry.AgentId, hour, day, entry.Tokens, entry.CostMicros) { Active = true };
                break;
            }

            case LedgerEntryType.Commit:
            {
                var held = _reservations[entry.ReservationId];
                var expected = held.Active ? held.Tokens : 0;
                if (entry.HeldTokens != expected)
                {
                    Violations.Add($"{entry.EntryId}: commit of {entry.ReservationId} released {entry.HeldTokens} but the replay holds {expected}");
                }

                Reserve(held.Agent, held.Hour, held.Day, -entry.HeldTokens, -entry.HeldCostMicros);
                Use(held.Agent, held.Hour, held.Day, entry.Tokens, entry.CostMicros);
                held.Active = false;
                break;
            }

            case LedgerEntryType.Release:
            case LedgerEntryType.Expire:
            {
                var held = _reservations[entry.ReservationId];
                if (!held.Active)
                {
                    Violations.Add($"{entry.EntryId}: {entry.Type} of {entry.ReservationId}, which was already settled");
                }

                if (entry.Type == LedgerEntryType.Expire)
                {
                    Expiries++;
                }

                Reserve(held.Agent, held.Hour, held.Day, -entry.Tokens, -entry.CostMicros);
                held.Active = false;
                break;
            }

            case LedgerEntryType.Denial:
                Denials++;
                break;

            case LedgerEntryType.Reallocation:
                Get(entry.AgentId, 'h', BudgetWindows.HourIndex(ms)).Ra += entry.Tokens;
                Get(entry.AgentId, 'd', BudgetWindows.DayIndex(ms)).Ra += entry.CostMicros;
                break;
        }
    }

    private void Check(LedgerEntry grant, BudgetLimits limits, long hour, long day)
    {
        var h = Get(grant.AgentId, 'h', hour);
        var d = Get(grant.AgentId, 'd', day);
        var recorded = ParseInputs(grant.DecisionInputs);
        CheckDimension(grant, 1, limits.HourlyTokens is { } th ? th + h.Ra - h.L + h.B : null, h.Tu, h.Tr, grant.Tokens, recorded);
        CheckDimension(grant, 2, limits.DailyTokens, d.Tu, d.Tr, grant.Tokens, recorded);
        CheckDimension(grant, 3, limits.HourlyUsdMicros, h.Cu, h.Cr, grant.CostMicros, recorded);
        CheckDimension(grant, 4, limits.DailyUsdMicros is { } cd ? cd + d.Ra - d.L + d.B : null, d.Cu, d.Cr, grant.CostMicros, recorded);
    }

    private void CheckDimension(LedgerEntry grant, int dimension, long? allowance, long used, long reserved, long requested,
        Dictionary<string, (long Used, long Reserved, long Allowance)> recorded)
    {
        if (allowance is not { } limit)
        {
            return;
        }

        if (used + reserved + requested > limit)
        {
            Violations.Add($"{grant.EntryId}: grant {grant.ReservationId} of {grant.AgentId} took dimension {dimension} to " +
                           $"{used} used + {reserved} reserved + {requested} requested > allowance {limit}");
        }

        if (!recorded.TryGetValue(dimension.ToString(System.Globalization.CultureInfo.InvariantCulture), out var inputs) ||
            inputs != (used, reserved, limit))
        {
            Violations.Add($"{grant.EntryId}: the script recorded {grant.DecisionInputs} but the replay has dimension {dimension} at " +
                           $"{used}:{reserved}:{limit}");
        }
    }

    private static Dictionary<string, (long Used, long Reserved, long Allowance)> ParseInputs(string inputs)
    {
        var result = new Dictionary<string, (long, long, long)>();
        foreach (var part in inputs.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = part.Split(':');
            result[fields[0]] = (long.Parse(fields[1]), long.Parse(fields[2]), long.Parse(fields[3]));
        }

        return result;
    }

    private void Reserve(string agent, long hour, long day, long tokens, long cost)
    {
        Get(agent, 'h', hour).Tr += tokens;
        Get(agent, 'd', day).Tr += tokens;
        Get(agent, 'h', hour).Cr += cost;
        Get(agent, 'd', day).Cr += cost;
    }

    private void Use(string agent, long hour, long day, long tokens, long cost)
    {
        Get(agent, 'h', hour).Tu += tokens;
        Get(agent, 'd', day).Tu += tokens;
        Get(agent, 'h', hour).Cu += cost;
        Get(agent, 'd', day).Cu += cost;
    }

    private Counters Get(string agent, char window, long index)
    {
        if (!_counters.TryGetValue((agent, window, index), out var counters))
        {
            counters = new Counters();
            _counters[(agent, window, index)] = counters;
        }

        return counters;
    }

    /// <summary>A window's replayed counters, named like the Redis hash fields.</summary>
    public sealed class Counters
    {
        public long Tu { get; set; }

        public long Tr { get; set; }

        public long Cu { get; set; }

        public long Cr { get; set; }

        public long B { get; set; }

        public long L { get; set; }

        public long Ra { get; set; }
    }

    private sealed record Held(string Agent, long Hour, long Day, long Tokens, long Cost)
    {
        public bool Active { get; set; }
    }
}
