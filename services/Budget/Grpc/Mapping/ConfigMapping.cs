using Platform.Budget.Domain;
using Proto = Platform.Budget.V1;
using ProtoCommon = Platform.Common.V1;

namespace Platform.Budget.Grpc.Mapping;

/// <summary>Agents, limits and the fleet budget between the contract and the domain.</summary>
internal static class ConfigMapping
{
    public static AgentSpec ToSpec(Proto.Agent? agent)
    {
        if (agent is null)
        {
            throw BudgetErrors.Invalid("agent is required.");
        }

        return new AgentSpec
        {
            AgentId = agent.AgentId,
            Tier = (Tier)(int)agent.Tier,
            Limits = ToLimits(agent.Limits),
            WarningThresholdPercent = agent.WarningThresholdPercent,
            OutputEstimate = (OutputEstimate)(int)agent.OutputEstimate,
            Team = agent.Team,
            DisplayName = agent.DisplayName,
            Labels = agent.Labels.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal),
        };
    }

    public static Proto.Agent ToProto(Agent agent, BudgetLimits effective)
    {
        var spec = agent.Spec;
        var proto = new Proto.Agent
        {
            AgentId = spec.AgentId,
            Tier = (ProtoCommon.Tier)(int)spec.Tier,
            Limits = ToProto(spec.Limits),
            WarningThresholdPercent = spec.WarningThresholdPercent,
            OutputEstimate = (Proto.OutputEstimate)(int)spec.OutputEstimate,
            Team = spec.Team,
            DisplayName = spec.DisplayName,
            State = (Proto.AgentState)(int)agent.State,
            EffectiveLimits = ToProto(effective),
            CreateTime = ProtoTime.ToTimestamp(agent.CreateTime),
            UpdateTime = ProtoTime.ToTimestamp(agent.UpdateTime),
            RetireTime = agent.RetireTime is { } retired ? ProtoTime.ToTimestamp(retired) : null,
            Etag = agent.ETag,
        };
        proto.Labels.Add(spec.Labels.ToDictionary(pair => pair.Key, pair => pair.Value));
        return proto;
    }

    public static BudgetLimits ToLimits(Proto.BudgetLimits? limits) => limits is null
        ? default
        : new BudgetLimits(limits.HourlyTokenLimit, limits.DailyTokenLimit, limits.HourlyUsdLimitMicros, limits.DailyUsdLimitMicros);

    public static Proto.BudgetLimits ToProto(BudgetLimits limits) => new()
    {
        HourlyTokenLimit = limits.HourlyTokens,
        DailyTokenLimit = limits.DailyTokens,
        HourlyUsdLimitMicros = limits.HourlyUsdMicros,
        DailyUsdLimitMicros = limits.DailyUsdMicros,
    };

    public static FleetBudget ToFleet(Proto.FleetBudget? fleet)
    {
        if (fleet is null)
        {
            throw BudgetErrors.Invalid("fleet_budget is required.");
        }

        var reallocation = fleet.Reallocation ?? new Proto.ReallocationSettings();
        return new FleetBudget
        {
            Limits = ToLimits(fleet.Limits),
            TierPolicies = fleet.TierPolicies.Select(p => new TierPolicy(
                (Tier)(int)p.Tier, p.SharePercent, p.MaxRetries,
                ProtoTime.ToTimeSpan(p.MaxRetryDuration, "fleet_budget.tier_policies.max_retry_duration") ?? TimeSpan.Zero,
                p.BorrowFrom.Select(t => (Tier)(int)t).ToList(), p.SpareBudgetOnly, (ModelCostPolicy)(int)p.ModelCostPolicy)).ToList(),
            DefaultWarningThresholdPercent = fleet.DefaultWarningThresholdPercent,
            DefaultReservationTtl = ProtoTime.ToTimeSpan(fleet.DefaultReservationTtl, "fleet_budget.default_reservation_ttl") ?? TimeSpan.Zero,
            Reallocation = new ReallocationSettings(
                reallocation.Enabled,
                ProtoTime.ToTimeSpan(reallocation.Interval, "fleet_budget.reallocation.interval") ?? TimeSpan.Zero,
                ProtoTime.ToTimeSpan(reallocation.Lookback, "fleet_budget.reallocation.lookback") ?? TimeSpan.Zero,
                reallocation.IdleUtilisationPercent,
                reallocation.MaxDonationPercent),
        };
    }

    public static Proto.FleetBudget ToProto(FleetBudget fleet)
    {
        var proto = new Proto.FleetBudget
        {
            Limits = ToProto(fleet.Limits),
            DefaultWarningThresholdPercent = fleet.DefaultWarningThresholdPercent,
            DefaultReservationTtl = ProtoTime.ToDuration(fleet.DefaultReservationTtl),
            Reallocation = new Proto.ReallocationSettings
            {
                Enabled = fleet.Reallocation.Enabled,
                Interval = ProtoTime.ToDuration(fleet.Reallocation.Interval),
                Lookback = ProtoTime.ToDuration(fleet.Reallocation.Lookback),
                IdleUtilisationPercent = fleet.Reallocation.IdleUtilisationPercent,
                MaxDonationPercent = fleet.Reallocation.MaxDonationPercent,
            },
            UpdateTime = fleet.Version == 0 ? null : ProtoTime.ToTimestamp(fleet.UpdateTime),
            Etag = fleet.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var policy in fleet.TierPolicies)
        {
            var protoPolicy = new Proto.TierPolicy
            {
                Tier = (ProtoCommon.Tier)(int)policy.Tier,
                SharePercent = policy.SharePercent,
                MaxRetries = policy.MaxRetries,
                MaxRetryDuration = ProtoTime.ToDuration(policy.MaxRetryDuration),
                SpareBudgetOnly = policy.SpareBudgetOnly,
                ModelCostPolicy = (Proto.ModelCostPolicy)(int)policy.ModelCostPolicy,
            };
            protoPolicy.BorrowFrom.Add(policy.BorrowFrom.Select(t => (ProtoCommon.Tier)(int)t));
            proto.TierPolicies.Add(protoPolicy);
        }

        return proto;
    }

    public static IReadOnlyList<string> ToPaths(Google.Protobuf.WellKnownTypes.FieldMask? mask) =>
        mask is null ? [] : mask.Paths.ToList();

    public static BudgetLimits EffectiveOf(Agent agent, IReadOnlyDictionary<string, BudgetLimits> effective) =>
        effective.TryGetValue(agent.Id, out var limits) ? limits : agent.Spec.Limits;
}
