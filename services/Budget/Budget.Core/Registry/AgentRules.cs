using Platform.Budget.Domain;

namespace Platform.Budget.Registry;

/// <summary>What a valid agent spec looks like (RegisterAgent, UpdateAgent).</summary>
public static class AgentRules
{
    public static void Validate(AgentSpec spec)
    {
        Require.AgentId(spec.AgentId, "agent.agent_id");
        Require.Tier(spec.Tier, "agent.tier", allowUnspecified: false);
        Require.Limits(spec.Limits, "agent.limits");
        if (spec.WarningThresholdPercent is { } warning)
        {
            Require.Percent(warning, 1, "agent.warning_threshold_percent");
        }

        if (spec.OutputEstimate is < OutputEstimate.Unspecified or > OutputEstimate.P95Observed)
        {
            throw BudgetErrors.Invalid($"agent.output_estimate must be an OutputEstimate (0-2); got {(int)spec.OutputEstimate}.");
        }

        Require.MaxLength(spec.Team, 128, "agent.team");
        Require.MaxLength(spec.DisplayName, 256, "agent.display_name");
        if (spec.Labels.Count > 32)
        {
            throw BudgetErrors.Invalid($"agent.labels has {spec.Labels.Count} entries; at most 32 are allowed.");
        }

        foreach (var (key, value) in spec.Labels)
        {
            if (key.Length is 0 or > 63)
            {
                throw BudgetErrors.Invalid($"agent.labels keys must be 1-63 characters; '{key}' is {key.Length}.");
            }

            Require.MaxLength(value, 256, $"agent.labels['{key}']");
        }
    }
}
