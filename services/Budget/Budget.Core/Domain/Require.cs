using System.Buffers;

namespace Platform.Budget.Domain;

/// <summary>Input checks shared by every command; each failure names the field and what is allowed.</summary>
public static class Require
{
    /// <summary>Larger token counts than this in one call are a bug, not a workload.</summary>
    public const long MaxTokensPerCall = 1_000_000_000;

    /// <summary>$1,000,000 per million tokens; beyond is a unit mistake (micro-dollars vs dollars).</summary>
    public const long MaxPriceMicrosPerMTok = 1_000_000_000_000;

    /// <summary>Limits and amounts stay below 1e15 so every sum is exact in the scripts' doubles.</summary>
    public const long MaxAmount = 999_999_999_999_999;

    public static readonly TimeSpan MinReservationTtl = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxReservationTtl = TimeSpan.FromMinutes(15);

    private static readonly SearchValues<char> AgentIdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    public static void AgentId(string? value, string field = "agent_id")
    {
        if (string.IsNullOrEmpty(value))
        {
            throw BudgetErrors.Invalid($"{field} is required: 1-128 characters of [A-Za-z0-9._:-].");
        }

        if (value.Length > 128 || value.AsSpan().ContainsAnyExcept(AgentIdChars))
        {
            throw BudgetErrors.Invalid($"{field} '{Shorten(value)}' is invalid: use 1-128 characters of [A-Za-z0-9._:-].");
        }
    }

    public static void IdempotencyKey(string? value, string field = "idempotency_key")
    {
        if (string.IsNullOrEmpty(value))
        {
            throw BudgetErrors.Invalid($"{field} is required: 1-128 printable ASCII characters, e.g. a UUID per attempt.");
        }

        if (value.Length > 128 || !IsPrintableAscii(value))
        {
            throw BudgetErrors.Invalid($"{field} must be 1-128 printable ASCII characters (got {value.Length} characters).");
        }
    }

    public static void ReservationId(string? value, string field = "reservation_id")
    {
        if (string.IsNullOrEmpty(value))
        {
            throw BudgetErrors.Invalid($"{field} is required: pass the id returned by Reserve.");
        }

        if (value.Length > 128 || !IsPrintableAscii(value))
        {
            throw BudgetErrors.Invalid($"{field} '{Shorten(value)}' is not a reservation id returned by Reserve.");
        }
    }

    public static void Range(long value, long min, long max, string field)
    {
        if (value < min || value > max)
        {
            throw BudgetErrors.Invalid($"{field} must be between {min:N0} and {max:N0}; got {value:N0}.");
        }
    }

    public static void MaxLength(string? value, int max, string field)
    {
        if (value is not null && value.Length > max)
        {
            throw BudgetErrors.Invalid($"{field} is {value.Length} characters long; at most {max} are allowed.");
        }
    }

    public static void Ttl(TimeSpan? ttl, string field)
    {
        if (ttl is { } value && (value < MinReservationTtl || value > MaxReservationTtl))
        {
            throw BudgetErrors.Invalid($"{field} must be between 1s and 15min; got {value.TotalSeconds:0.###}s.");
        }
    }

    public static void Limits(BudgetLimits limits, string prefix)
    {
        OptionalAmount(limits.HourlyTokens, $"{prefix}.hourly_token_limit");
        OptionalAmount(limits.DailyTokens, $"{prefix}.daily_token_limit");
        OptionalAmount(limits.HourlyUsdMicros, $"{prefix}.hourly_usd_limit_micros");
        OptionalAmount(limits.DailyUsdMicros, $"{prefix}.daily_usd_limit_micros");
    }

    public static void Tier(Tier tier, string field, bool allowUnspecified)
    {
        if (tier is < Domain.Tier.Unspecified or > Domain.Tier.Low || (!allowUnspecified && tier == Domain.Tier.Unspecified))
        {
            throw BudgetErrors.Invalid(
                $"{field} must be one of TIER_CRITICAL, TIER_HIGH, TIER_MEDIUM, TIER_LOW{(allowUnspecified ? " or TIER_UNSPECIFIED" : string.Empty)}; got {(int)tier}.");
        }
    }

    public static void Percent(int value, int min, string field)
    {
        if (value < min || value > 100)
        {
            throw BudgetErrors.Invalid($"{field} must be between {min} and 100; got {value}.");
        }
    }

    private static void OptionalAmount(long? value, string field)
    {
        if (value is { } amount)
        {
            Range(amount, 0, MaxAmount, field);
        }
    }

    private static bool IsPrintableAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
