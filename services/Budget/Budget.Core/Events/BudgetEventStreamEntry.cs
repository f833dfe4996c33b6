using System.Globalization;
using System.Text.Json;
using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Platform.Budget.Reallocation;
using Platform.Redis;

namespace Platform.Budget.Events;

/// <summary>
/// Reads an events stream entry as the scripts (and the reallocation runner) write it: e type,
/// ts time, a agent, tr tier; denial: dr, ra retry ms, k/ak tokens requested/available, c/ac
/// micros, msg; threshold: w window, th threshold, ut utilisation, l limit, cs consumed, we window
/// end; reservation: r id, k, c, x expiry, cr created, m model, ln loans, ok/oc overage;
/// reallocation: rid, sc scheduled, mv moves (JSON).
/// </summary>
public static class BudgetEventStreamEntry
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static BudgetEvent Parse(StreamEntry entry)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in entry.Values)
        {
            fields[(string)pair.Name!] = (string?)pair.Value ?? string.Empty;
        }

        string Text(string name) => fields.TryGetValue(name, out var value) ? value : string.Empty;
        long Number(string name) => long.TryParse(Text(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0;

        var type = (BudgetEventType)Number("e");
        var result = new BudgetEvent((string)entry.Id!, DateTimeOffset.FromUnixTimeMilliseconds(Number("ts")), type, Text("a"), (Tier)Number("tr"));
        return type switch
        {
            BudgetEventType.ThresholdWarning or BudgetEventType.LimitReached => result with
            {
                Threshold = new ThresholdCrossing(Text("w"), (int)Number("th"),
                    double.TryParse(Text("ut"), NumberStyles.Float, CultureInfo.InvariantCulture, out var pct) ? pct : 0,
                    Number("l"), Number("cs"), DateTimeOffset.FromUnixTimeMilliseconds(Number("we"))),
            },
            BudgetEventType.Denial => result with
            {
                Denial = new Denial((DenialReason)Number("dr"), Number("ra") < 0 ? null : TimeSpan.FromMilliseconds(Number("ra")), Text("msg"),
                    Number("k"), Math.Max(0, Number("ak")), Number("c"), Math.Max(0, Number("ac"))),
            },
            BudgetEventType.Borrow or BudgetEventType.Overage or BudgetEventType.ReservationExpired => result with
            {
                Reservation = new Reservation(Text("r"), result.AgentId, result.Tier, Number("k"), Number("c"), 0, OutputEstimate.Unspecified,
                    Loans(Text("ln")), DateTimeOffset.FromUnixTimeMilliseconds(Number("x")), DateTimeOffset.FromUnixTimeMilliseconds(Number("cr")),
                    type switch
                    {
                        BudgetEventType.Borrow => ReservationState.Active,
                        BudgetEventType.Overage => ReservationState.Committed,
                        _ => ReservationState.Expired,
                    },
                    Text("m"), null, null),
            },
            BudgetEventType.Reallocation => result with
            {
                Reallocation = new ReallocationSummary(Text("rid"),
                    JsonSerializer.Deserialize<List<ReallocationMove>>(fields.GetValueOrDefault("mv", "[]"), Json) ?? [], Text("sc") == "1"),
            },
            _ => result,
        };
    }

    private static IReadOnlyList<Loan> Loans(string packed)
    {
        if (packed.Length == 0)
        {
            return [];
        }

        // "lender:tier:tokens:micros"; agent ids may contain ':', so the numbers are taken from the right.
        var loans = new List<Loan>();
        foreach (var part in packed.Split(';'))
        {
            var micros = part.LastIndexOf(':');
            var tokens = part.LastIndexOf(':', micros - 1);
            var tier = part.LastIndexOf(':', tokens - 1);
            loans.Add(new Loan(part[..tier], (Tier)int.Parse(part.AsSpan(tier + 1, tokens - tier - 1), CultureInfo.InvariantCulture),
                long.Parse(part.AsSpan(tokens + 1, micros - tokens - 1), CultureInfo.InvariantCulture),
                long.Parse(part.AsSpan(micros + 1), CultureInfo.InvariantCulture)));
        }

        return loans;
    }
}
