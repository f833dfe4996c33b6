namespace Platform.Budget.Hosting;

/// <summary>Agents and fleet limits registered at start-up for local runs (Budget:Seed:Enabled=true).</summary>
public sealed class SeedOptions
{
    public bool Enabled { get; set; }

    public long? FleetHourlyTokenLimit { get; set; }

    public long? FleetDailyUsdLimitMicros { get; set; }

    public List<SeedAgent> Agents { get; set; } = [];
}

/// <summary>One seeded agent; registered only if absent, so operators' later changes survive restarts.</summary>
public sealed class SeedAgent
{
    public string AgentId { get; set; } = string.Empty;

    public string Tier { get; set; } = string.Empty;

    public string Team { get; set; } = string.Empty;

    public long? HourlyTokenLimit { get; set; }

    public long? DailyUsdLimitMicros { get; set; }

    public int? WarningThresholdPercent { get; set; }

    public bool P95OutputSizing { get; set; }
}
