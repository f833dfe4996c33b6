using Platform.Budget.Domain;

namespace Platform.Budget.Registry;

/// <summary>
/// Registers, updates, lists and retires agents and changes the fleet budget. Each write goes to
/// PostgreSQL first (the source of truth), then through to the Redis mirror the scripts read, and
/// is recorded in the ledger as a CONFIG_CHANGE with an event.
/// </summary>
public sealed class AgentRegistry(RegistryStore store, ConfigMirror mirror, AgentDirectory directory)
{
    public async Task<(Agent Agent, bool Created)> RegisterAsync(AgentSpec spec, CancellationToken cancellationToken = default)
    {
        AgentRules.Validate(spec);
        spec = Normalize(spec);
        var (agent, created) = await store.RegisterAsync(spec, cancellationToken);
        if (created)
        {
            await PublishAsync(new ConfigChange(agent.Id, ConfigChange.AgentChanged,
                $"registered: tier {agent.Spec.Tier.ToString().ToUpperInvariant()}, {Describe(agent.Spec.Limits)}"), cancellationToken);
        }

        return (agent, created);
    }

    public async Task<Agent> UpdateAsync(AgentSpec patch, IReadOnlyList<string> paths, string? etag, CancellationToken cancellationToken = default)
    {
        Require.AgentId(patch.AgentId, "agent.agent_id");
        var updated = await store.UpdateAsync(patch.AgentId, (current, _) =>
        {
            if (!current.IsActive)
            {
                throw BudgetErrors.AgentRetired(current.Id);
            }

            CheckETag(etag, current.ETag, $"agent '{current.Id}'");
            var spec = Normalize(AgentUpdate.Apply(current.Spec, patch, paths));
            AgentRules.Validate(spec);
            return current with { Spec = spec };
        }, cancellationToken);
        await PublishAsync(new ConfigChange(updated.Id, ConfigChange.AgentChanged,
            $"updated {string.Join(", ", paths)}: tier {updated.Spec.Tier.ToString().ToUpperInvariant()}, {Describe(updated.Spec.Limits)}"),
            cancellationToken);
        return updated;
    }

    public async Task<Agent> GetAsync(string agentId, CancellationToken cancellationToken = default)
    {
        Require.AgentId(agentId);
        return await store.GetAsync(agentId, cancellationToken) ?? throw BudgetErrors.AgentNotFound(agentId);
    }

    public async Task<AgentPage> ListAsync(int pageSize, string? pageToken, Tier tier, string team, bool includeRetired,
        CancellationToken cancellationToken = default)
    {
        Require.Tier(tier, "tier", allowUnspecified: true);
        Require.MaxLength(team, 128, "team");
        var size = PageTokens.PageSize(pageSize, 50);
        var filters = $"agents|{(int)tier}|{team}|{includeRetired}";
        var after = PageTokens.Read(pageToken, filters);
        var agents = await store.ListAsync(tier, team, includeRetired, after, size + 1, cancellationToken);
        return agents.Count > size
            ? new AgentPage(agents.Take(size).ToList(), PageTokens.Issue(filters, agents[size - 1].Id))
            : new AgentPage(agents, string.Empty);
    }

    public async Task<Agent> RetireAsync(string agentId, string reason, CancellationToken cancellationToken = default)
    {
        Require.AgentId(agentId);
        Require.MaxLength(reason, 1024, "reason");
        var retired = false;
        var agent = await store.UpdateAsync(agentId, (current, now) =>
        {
            if (!current.IsActive)
            {
                return null;
            }

            retired = true;
            return current with { State = AgentState.Retired, RetireTime = now };
        }, cancellationToken);
        if (retired)
        {
            await PublishAsync(new ConfigChange(agent.Id, ConfigChange.AgentChanged,
                "retired" + (string.IsNullOrEmpty(reason) ? string.Empty : ": " + reason)), cancellationToken);
        }

        return agent;
    }

    public Task<FleetBudget> GetFleetAsync(CancellationToken cancellationToken = default) => store.GetFleetAsync(cancellationToken);

    public async Task<FleetBudget> UpdateFleetAsync(FleetBudget patch, IReadOnlyList<string> paths, string? etag,
        CancellationToken cancellationToken = default)
    {
        var updated = await store.UpdateFleetAsync(current =>
        {
            CheckETag(etag, current.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), "the fleet budget");
            var fleet = FleetUpdate.Apply(current, patch, paths);
            FleetRules.Validate(fleet);
            return fleet;
        }, cancellationToken);
        await PublishAsync(new ConfigChange(string.Empty, ConfigChange.FleetChanged,
            $"fleet budget updated ({string.Join(", ", paths)}): {Describe(updated.Limits)}"), cancellationToken);
        return updated;
    }

    /// <summary>Loads the registry, installs it in this replica and writes it through to Redis (with <paramref name="change"/> recorded).</summary>
    public async Task<RegistrySnapshot> PublishAsync(ConfigChange? change, CancellationToken cancellationToken = default)
    {
        var snapshot = await store.LoadAsync(cancellationToken);
        directory.Publish(snapshot);
        await mirror.ApplyAsync(snapshot, change, cancellationToken);
        return snapshot;
    }

    /// <summary>
    /// Brings this replica's snapshot and the Redis mirror up to PostgreSQL's version: at start-up,
    /// after Redis lost its data, or when another replica changed the registry.
    /// </summary>
    public async Task SyncAsync(CancellationToken cancellationToken = default)
    {
        var mirrored = await mirror.VersionAsync(cancellationToken);
        if (mirrored >= 0 && mirrored == directory.Current.Version)
        {
            return;
        }

        await PublishAsync(null, cancellationToken);
    }

    private static AgentSpec Normalize(AgentSpec spec) =>
        spec.OutputEstimate == OutputEstimate.Unspecified ? spec with { OutputEstimate = OutputEstimate.MaxTokens } : spec;

    private static void CheckETag(string? etag, string current, string what)
    {
        if (!string.IsNullOrEmpty(etag) && etag != current)
        {
            throw new BudgetException(BudgetErrorKind.Aborted,
                $"The etag of {what} is stale (it changed since you read it); read it again, re-apply your change and retry.", "ETAG_STALE");
        }
    }

    private static string Describe(BudgetLimits limits) =>
        $"tokens/hour {limits.HourlyTokens?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "tier default"}, " +
        $"tokens/day {limits.DailyTokens?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, " +
        $"micro-USD/hour {limits.HourlyUsdMicros?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, " +
        $"micro-USD/day {limits.DailyUsdMicros?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";
}
