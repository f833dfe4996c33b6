using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Platform.Redis;

namespace Platform.Budget.Ledger;

/// <summary>
/// Reads a ledger stream entry as the scripts write it: t type, ts time (ms), a agent, tr tier,
/// r reservation, k/c tokens/micros, hk/hc held, ok/oc overage, o counterparty, m model,
/// dr denial reason, ra reallocation id, rq request id, tk task id, ik idempotency key, x expiry (ms),
/// d decision inputs, msg message. Absent fields are empty/zero.
/// </summary>
public static class LedgerStreamEntry
{
    public static LedgerEntry Parse(StreamEntry entry)
    {
        var result = new LedgerEntry { EntryId = (string)entry.Id! };
        long time = 0;
        foreach (var field in entry.Values)
        {
            var text = (string?)field.Value ?? string.Empty;
            result = (string?)field.Name switch
            {
                "t" => result with { Type = (LedgerEntryType)Number(text) },
                "ts" => SetTime(result, time = Number(text)),
                "a" => result with { AgentId = text },
                "tr" => result with { Tier = (Tier)Number(text) },
                "r" => result with { ReservationId = text },
                "k" => result with { Tokens = Number(text) },
                "c" => result with { CostMicros = Number(text) },
                "hk" => result with { HeldTokens = Number(text) },
                "hc" => result with { HeldCostMicros = Number(text) },
                "ok" => result with { OverageTokens = Number(text) },
                "oc" => result with { OverageCostMicros = Number(text) },
                "o" => result with { CounterpartyAgentId = text },
                "m" => result with { Model = text },
                "dr" => result with { DenialReason = (DenialReason)Number(text) },
                "ra" => result with { ReallocationId = text },
                "rq" => result with { RequestId = text },
                "tk" => result with { TaskId = text },
                "ik" => result with { IdempotencyKey = text },
                "x" => result with { ExpireTime = DateTimeOffset.FromUnixTimeMilliseconds(Number(text)) },
                "d" => result with { DecisionInputs = text },
                "msg" => result with { Message = text },
                _ => result,
            };
        }

        // Entries always carry ts; fall back to the stream id's clock if one ever does not.
        return time == 0 ? result with { CreateTime = DateTimeOffset.FromUnixTimeMilliseconds(result.EntryMs) } : result;
    }

    private static LedgerEntry SetTime(LedgerEntry entry, long ms) => entry with { CreateTime = DateTimeOffset.FromUnixTimeMilliseconds(ms) };

    private static long Number(string text) => long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign,
        System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;
}
