using Platform.Budget.Domain;
using Platform.Budget.Registry;
using Platform.Budget.Reports;

namespace Platform.Budget.Reallocation;

/// <summary>
/// Decides moves of unused budget, within the tier rules: a starved agent (denied in the lookback)
/// receives from idle agents (utilisation below the idle threshold) of the tiers it may borrow from,
/// or of its own tier; CRITICAL never gives and spare-only tiers never receive. A donor gives at most
/// max_donation_percent of its unused budget and keeps at least floor percent of its own limit. The
/// fleet total is unchanged: every move takes from one agent what it gives to another.
/// </summary>
internal static class ReallocationPlanner
{
    public static List<ReallocationMove> Plan(RegistrySnapshot snapshot, IReadOnlyDictionary<string, AgentDemand> demand,
        WindowCounters hourly, WindowCounters daily, TimeSpan lookback, int floorPercent)
    {
        var fleet = snapshot.Fleet;
        var limits = EffectiveLimits.ForAll(fleet, snapshot.Agents.Values);
        var active = snapshot.Agents.Values.Where(a => a.IsActive).ToList();
        var moves = new Dictionary<(string From, string To), (long Tokens, long Cost)>();

        var dimensions = new[]
        {
            new Dimension(hourly, "t", a => limits[a.Id].HourlyTokens, d => d.TokenDenials, d => d.DeniedTokens, d => d.CommittedTokens,
                lookback / TimeSpan.FromHours(1), IsTokens: true),
            new Dimension(daily, "c", a => limits[a.Id].DailyUsdMicros, d => d.UsdDenials, d => d.DeniedCostMicros, d => d.CommittedCostMicros,
                lookback / TimeSpan.FromDays(1), IsTokens: false),
        };
        var utilisation = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var dimension in dimensions)
        {
            var donors = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var agent in active)
            {
                if (agent.Spec.Tier == Tier.Critical || dimension.Limit(agent) is not { } limit || limit <= 0)
                {
                    continue;
                }

                var used = Utilisation(dimension, agent, limit, demand);
                if (used >= fleet.Reallocation.IdleUtilisationPercent)
                {
                    continue;
                }

                var counters = dimension.Counters;
                var effective = limit + counters.Get(agent.Id, "ra");
                var unused = effective - counters.Get(agent.Id, "l") - counters.Get(agent.Id, dimension.Unit + "u") - counters.Get(agent.Id, dimension.Unit + "r");
                var aboveFloor = effective - (long)Math.Ceiling(limit * floorPercent / 100.0);
                var give = Math.Min(unused * fleet.Reallocation.MaxDonationPercent / 100, aboveFloor);
                if (give > 0)
                {
                    donors[agent.Id] = give;
                    utilisation[agent.Id] = used;
                }
            }

            var recipients = active
                .Where(a => !fleet.PolicyFor(a.Spec.Tier).SpareBudgetOnly && dimension.Limit(a) is not null &&
                            dimension.Denials(DemandOf(demand, a.Id)) > 0)
                .OrderBy(a => a.Spec.Tier)
                .ThenByDescending(a => dimension.Denials(DemandOf(demand, a.Id)))
                .ThenBy(a => a.Id, StringComparer.Ordinal);
            foreach (var recipient in recipients)
            {
                var need = dimension.Denied(DemandOf(demand, recipient.Id));
                var policy = fleet.PolicyFor(recipient.Spec.Tier);
                var eligible = active
                    .Where(d => d.Id != recipient.Id && donors.GetValueOrDefault(d.Id) > 0 &&
                                (policy.BorrowFrom.Contains(d.Spec.Tier) || d.Spec.Tier == recipient.Spec.Tier))
                    .OrderByDescending(d => d.Spec.Tier)
                    .ThenByDescending(d => donors[d.Id])
                    .ThenBy(d => d.Id, StringComparer.Ordinal);
                foreach (var donor in eligible)
                {
                    if (need <= 0)
                    {
                        break;
                    }

                    var amount = Math.Min(need, donors[donor.Id]);
                    donors[donor.Id] -= amount;
                    need -= amount;
                    var key = (donor.Id, recipient.Id);
                    var current = moves.GetValueOrDefault(key);
                    moves[key] = dimension.IsTokens ? (current.Tokens + amount, current.Cost) : (current.Tokens, current.Cost + amount);
                }

                if (dimension.IsTokens || !utilisation.ContainsKey(recipient.Id))
                {
                    utilisation[recipient.Id] = dimension.Limit(recipient) is { } limit && limit > 0 ? Utilisation(dimension, recipient, limit, demand) : 0;
                }
            }
        }

        return moves.Select(pair =>
        {
            var (from, to) = pair.Key;
            var toDemand = DemandOf(demand, to);
            var denials = toDemand.TokenDenials + toDemand.UsdDenials;
            return new ReallocationMove(from, to, pair.Value.Tokens, pair.Value.Cost, utilisation.GetValueOrDefault(from), denials,
                utilisation.GetValueOrDefault(to),
                $"{to} was denied {denials} time(s) in the last {lookback:g} while {from} used {utilisation.GetValueOrDefault(from):0.#}% of its budget");
        }).ToList();
    }

    private static AgentDemand DemandOf(IReadOnlyDictionary<string, AgentDemand> demand, string agentId) =>
        demand.TryGetValue(agentId, out var found) ? found : AgentDemand.None;

    /// <summary>Committed usage over the lookback as a percentage of the limit over the same span.</summary>
    private static double Utilisation(Dimension dimension, Agent agent, long limit, IReadOnlyDictionary<string, AgentDemand> demand) =>
        dimension.Committed(DemandOf(demand, agent.Id)) * 100.0 / (limit * Math.Max(dimension.WindowsInLookback, 1e-9));

    private sealed record Dimension(
        WindowCounters Counters,
        string Unit,
        Func<Agent, long?> Limit,
        Func<AgentDemand, long> Denials,
        Func<AgentDemand, long> Denied,
        Func<AgentDemand, long> Committed,
        double WindowsInLookback,
        bool IsTokens);
}
