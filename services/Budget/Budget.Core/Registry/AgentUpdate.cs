using Platform.Budget.Domain;

namespace Platform.Budget.Registry;

/// <summary>Applies UpdateAgent's field mask: only the named fields change; a named limit left unset is cleared.</summary>
public static class AgentUpdate
{
    private const string Allowed =
        "tier, limits, limits.hourly_token_limit, limits.daily_token_limit, limits.hourly_usd_limit_micros, limits.daily_usd_limit_micros, " +
        "warning_threshold_percent, output_estimate, team, display_name, labels";

    public static AgentSpec Apply(AgentSpec current, AgentSpec patch, IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            throw BudgetErrors.Invalid($"update_mask is required: name the fields to change ({Allowed}).");
        }

        var result = current;
        foreach (var path in paths)
        {
            result = path switch
            {
                "tier" => result with { Tier = patch.Tier },
                "limits" => result with { Limits = patch.Limits },
                "limits.hourly_token_limit" => result with { Limits = result.Limits with { HourlyTokens = patch.Limits.HourlyTokens } },
                "limits.daily_token_limit" => result with { Limits = result.Limits with { DailyTokens = patch.Limits.DailyTokens } },
                "limits.hourly_usd_limit_micros" => result with { Limits = result.Limits with { HourlyUsdMicros = patch.Limits.HourlyUsdMicros } },
                "limits.daily_usd_limit_micros" => result with { Limits = result.Limits with { DailyUsdMicros = patch.Limits.DailyUsdMicros } },
                "warning_threshold_percent" => result with { WarningThresholdPercent = patch.WarningThresholdPercent },
                "output_estimate" => result with { OutputEstimate = patch.OutputEstimate },
                "team" => result with { Team = patch.Team },
                "display_name" => result with { DisplayName = patch.DisplayName },
                "labels" => result with { Labels = patch.Labels },
                "agent_id" => throw BudgetErrors.Invalid("update_mask: agent_id is immutable; register a new agent instead."),
                "state" or "effective_limits" or "create_time" or "update_time" or "retire_time" or "etag" =>
                    throw BudgetErrors.Invalid($"update_mask: '{path}' is output only. Use RetireAgent/RegisterAgent to change the state."),
                _ => throw BudgetErrors.Invalid($"update_mask path '{path}' is unknown; allowed: {Allowed}."),
            };
        }

        return result;
    }
}
