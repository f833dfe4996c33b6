using Microsoft.Extensions.Logging;
using Platform.Budget.Domain;
using Platform.Budget.Hosting;

namespace Platform.Budget.Registry;

/// <summary>
/// Budget:Seed (local runs): sets the fleet limits on a fresh installation and registers the seed
/// agents that do not exist yet. Never overwrites what an operator changed since.
/// </summary>
public sealed class SeedRunner(AgentRegistry registry, RegistryStore store, BudgetSettings settings, ILogger<SeedRunner> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var seed = settings.Options.Seed;
        if (!seed.Enabled)
        {
            return;
        }

        var fleet = await store.GetFleetAsync(cancellationToken);
        if (fleet.Version == 0 && (seed.FleetHourlyTokenLimit is not null || seed.FleetDailyUsdLimitMicros is not null))
        {
            await registry.UpdateFleetAsync(
                fleet with { Limits = fleet.Limits with { HourlyTokens = seed.FleetHourlyTokenLimit, DailyUsdMicros = seed.FleetDailyUsdLimitMicros } },
                ["limits.hourly_token_limit", "limits.daily_usd_limit_micros"], null, cancellationToken);
        }

        foreach (var agent in seed.Agents)
        {
            if (await store.GetAsync(agent.AgentId, cancellationToken) is not null)
            {
                continue;
            }

            if (!Enum.TryParse<Tier>(agent.Tier, ignoreCase: true, out var tier) || tier == Tier.Unspecified)
            {
                throw new InvalidOperationException($"Budget:Seed: agent '{agent.AgentId}' has tier '{agent.Tier}'; use Critical, High, Medium or Low.");
            }

            await registry.RegisterAsync(new AgentSpec
            {
                AgentId = agent.AgentId,
                Tier = tier,
                Team = agent.Team,
                Limits = new BudgetLimits(agent.HourlyTokenLimit, null, null, agent.DailyUsdLimitMicros),
                WarningThresholdPercent = agent.WarningThresholdPercent,
                OutputEstimate = agent.P95OutputSizing ? OutputEstimate.P95Observed : OutputEstimate.MaxTokens,
            }, cancellationToken);
            logger.LogInformation("Seeded agent {Agent} ({Tier})", agent.AgentId, tier);
        }
    }
}
