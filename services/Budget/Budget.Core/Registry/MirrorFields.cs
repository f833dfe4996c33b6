using System.Globalization;
using System.Text;
using Platform.Budget.Domain;
using Platform.Redis;

namespace Platform.Budget.Registry;

/// <summary>
/// The Redis hash the scripts read, built from a registry snapshot: fleet limits ("f:*"), defaults,
/// spare-only tiers, each borrowing tier's lenders in borrowing order ("t&lt;tier&gt;:lend") and one
/// packed field per agent ("a:&lt;id&gt;" = state,tier,hourly tokens,daily tokens,hourly micros,daily
/// micros,warning %,estimate mode; an empty limit = none).
/// </summary>
public static class MirrorFields
{
    public static List<RedisValue> Build(RegistrySnapshot snapshot)
    {
        var fleet = snapshot.Fleet;
        var fields = new List<RedisValue>();
        void Add(string name, string value)
        {
            fields.Add(name);
            fields.Add(value);
        }

        AddLimit(fields, "f:th", fleet.Limits.HourlyTokens);
        AddLimit(fields, "f:td", fleet.Limits.DailyTokens);
        AddLimit(fields, "f:ch", fleet.Limits.HourlyUsdMicros);
        AddLimit(fields, "f:cd", fleet.Limits.DailyUsdMicros);
        Add("f:ttl", Number((long)fleet.DefaultReservationTtl.TotalMilliseconds));
        Add("f:wp", Number(fleet.DefaultWarningThresholdPercent));
        Add("spare", string.Concat(Enumerable.Range(1, 4).Select(t => fleet.PolicyFor((Tier)t).SpareBudgetOnly ? '1' : '0')));

        var active = snapshot.Agents.Values.Where(a => a.IsActive).ToList();
        foreach (var policy in fleet.TierPolicies)
        {
            if (policy.SpareBudgetOnly || policy.BorrowFrom.Count == 0)
            {
                continue;
            }

            // Least important lenders first: LOW's spare goes before MEDIUM's.
            var lenders = policy.BorrowFrom.OrderByDescending(t => (int)t)
                .SelectMany(t => active.Where(a => a.Spec.Tier == t).Select(a => a.Id).Order(StringComparer.Ordinal));
            Add($"t{(int)policy.Tier}:lend", string.Join(',', lenders));
        }

        var limits = EffectiveLimits.ForAll(fleet, snapshot.Agents.Values);
        foreach (var agent in snapshot.Agents.Values)
        {
            Add("a:" + agent.Id, PackAgent(agent, limits[agent.Id], fleet.DefaultWarningThresholdPercent));
        }

        return fields;
    }

    public static string PackAgent(Agent agent, BudgetLimits limits, int defaultWarningPercent)
    {
        var text = new StringBuilder();
        text.Append((int)agent.State).Append(',').Append((int)agent.Spec.Tier);
        foreach (var limit in new[] { limits.HourlyTokens, limits.DailyTokens, limits.HourlyUsdMicros, limits.DailyUsdMicros })
        {
            text.Append(',');
            if (limit is { } value)
            {
                text.Append(Number(value));
            }
        }

        var estimate = agent.Spec.OutputEstimate == OutputEstimate.P95Observed ? 2 : 1;
        text.Append(',').Append(Number(agent.Spec.WarningThresholdPercent ?? defaultWarningPercent)).Append(',').Append(estimate);
        return text.ToString();
    }

    private static void AddLimit(List<RedisValue> fields, string name, long? limit)
    {
        if (limit is { } value)
        {
            fields.Add(name);
            fields.Add(Number(value));
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
