using System.Collections.Immutable;
using System.Text.Json;
using Platform.Budget.Domain;

namespace Platform.Budget.Registry;

/// <summary>A row of budget.agents as Dapper reads it (columns aliased to these names).</summary>
internal sealed class AgentRow
{
    public const string Columns =
        "agent_id AS AgentId, tier AS Tier, hourly_token_limit AS HourlyTokenLimit, daily_token_limit AS DailyTokenLimit, " +
        "hourly_usd_limit_micros AS HourlyUsdLimitMicros, daily_usd_limit_micros AS DailyUsdLimitMicros, " +
        "warning_threshold_percent AS WarningThresholdPercent, output_estimate AS OutputEstimate, team AS Team, " +
        "display_name AS DisplayName, labels::text AS Labels, state AS State, create_time AS CreateTime, update_time AS UpdateTime, " +
        "retire_time AS RetireTime, version AS Version";

    public string AgentId { get; set; } = string.Empty;

    public short Tier { get; set; }

    public long? HourlyTokenLimit { get; set; }

    public long? DailyTokenLimit { get; set; }

    public long? HourlyUsdLimitMicros { get; set; }

    public long? DailyUsdLimitMicros { get; set; }

    public int? WarningThresholdPercent { get; set; }

    public short OutputEstimate { get; set; }

    public string Team { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string Labels { get; set; } = "{}";

    public short State { get; set; }

    public DateTime CreateTime { get; set; }

    public DateTime UpdateTime { get; set; }

    public DateTime? RetireTime { get; set; }

    public long Version { get; set; }

    public Agent ToAgent() => new(
        new AgentSpec
        {
            AgentId = AgentId,
            Tier = (Tier)Tier,
            Limits = new BudgetLimits(HourlyTokenLimit, DailyTokenLimit, HourlyUsdLimitMicros, DailyUsdLimitMicros),
            WarningThresholdPercent = WarningThresholdPercent,
            OutputEstimate = (OutputEstimate)OutputEstimate,
            Team = Team,
            DisplayName = DisplayName,
            Labels = (JsonSerializer.Deserialize<Dictionary<string, string>>(Labels) ?? [])
                .ToImmutableSortedDictionary(StringComparer.Ordinal),
        },
        (AgentState)State,
        Utc(CreateTime),
        Utc(UpdateTime),
        RetireTime is { } retired ? Utc(retired) : null,
        Version);

    /// <summary>Npgsql reads timestamptz as a UTC DateTime.</summary>
    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
