using Platform.Budget.Domain;

namespace Platform.Budget.Registry;

/// <summary>Applies UpdateFleetBudget's field mask; "tier_policies" replaces all four policies at once.</summary>
public static class FleetUpdate
{
    private const string Allowed =
        "limits, limits.hourly_token_limit, limits.daily_token_limit, limits.hourly_usd_limit_micros, limits.daily_usd_limit_micros, " +
        "tier_policies, default_warning_threshold_percent, default_reservation_ttl, reallocation, reallocation.enabled, " +
        "reallocation.interval, reallocation.lookback, reallocation.idle_utilisation_percent, reallocation.max_donation_percent";

    public static FleetBudget Apply(FleetBudget current, FleetBudget patch, IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            throw BudgetErrors.Invalid($"update_mask is required: name the fields to change ({Allowed}).");
        }

        var result = current;
        foreach (var path in paths)
        {
            var realloc = result.Reallocation;
            result = path switch
            {
                "limits" => result with { Limits = patch.Limits },
                "limits.hourly_token_limit" => result with { Limits = result.Limits with { HourlyTokens = patch.Limits.HourlyTokens } },
                "limits.daily_token_limit" => result with { Limits = result.Limits with { DailyTokens = patch.Limits.DailyTokens } },
                "limits.hourly_usd_limit_micros" => result with { Limits = result.Limits with { HourlyUsdMicros = patch.Limits.HourlyUsdMicros } },
                "limits.daily_usd_limit_micros" => result with { Limits = result.Limits with { DailyUsdMicros = patch.Limits.DailyUsdMicros } },
                "tier_policies" => result with { TierPolicies = patch.TierPolicies },
                "default_warning_threshold_percent" => result with { DefaultWarningThresholdPercent = patch.DefaultWarningThresholdPercent },
                "default_reservation_ttl" => result with { DefaultReservationTtl = patch.DefaultReservationTtl },
                "reallocation" => result with { Reallocation = patch.Reallocation },
                "reallocation.enabled" => result with { Reallocation = realloc with { Enabled = patch.Reallocation.Enabled } },
                "reallocation.interval" => result with { Reallocation = realloc with { Interval = patch.Reallocation.Interval } },
                "reallocation.lookback" => result with { Reallocation = realloc with { Lookback = patch.Reallocation.Lookback } },
                "reallocation.idle_utilisation_percent" => result with
                {
                    Reallocation = realloc with { IdleUtilisationPercent = patch.Reallocation.IdleUtilisationPercent },
                },
                "reallocation.max_donation_percent" => result with
                {
                    Reallocation = realloc with { MaxDonationPercent = patch.Reallocation.MaxDonationPercent },
                },
                "update_time" or "etag" => throw BudgetErrors.Invalid($"update_mask: '{path}' is output only."),
                _ => throw BudgetErrors.Invalid($"update_mask path '{path}' is unknown; allowed: {Allowed}."),
            };
        }

        return result;
    }
}
