using System.Data;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.Budget.Domain;

namespace Platform.Budget.Registry;

/// <summary>
/// The registry in PostgreSQL (schema budget): agents and the fleet budget, the source of truth
/// that the Redis mirror is built from. Every change takes the next configuration version.
/// </summary>
public sealed class RegistryStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<RegistrySnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var fleet = await ReadFleetAsync(connection, transaction, forUpdate: false, cancellationToken);
        var rows = await connection.QueryAsync<AgentRow>(new CommandDefinition(
            $"SELECT {AgentRow.Columns} FROM budget.agents ORDER BY agent_id", transaction: transaction, cancellationToken: cancellationToken));
        var agents = rows.Select(r => r.ToAgent()).ToList();
        await transaction.CommitAsync(cancellationToken);
        var version = Math.Max(fleet.Version, agents.Count == 0 ? 0 : agents.Max(a => a.Version));
        return new RegistrySnapshot(version, fleet, Index(agents));
    }

    /// <summary>
    /// Registers <paramref name="spec"/>: a new agent, or a retired one reactivated (created = true);
    /// an identical active agent is returned unchanged (created = false); a different one is ALREADY_EXISTS.
    /// </summary>
    public async Task<(Agent Agent, bool Created)> RegisterAsync(AgentSpec spec, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var existing = await ReadAgentAsync(connection, transaction, spec.AgentId, cancellationToken);
        if (existing is { IsActive: true })
        {
            if (existing.Spec.SameAs(spec))
            {
                return (existing, false);
            }

            throw new BudgetException(BudgetErrorKind.AlreadyExists,
                $"Agent '{spec.AgentId}' is already registered with a different spec; change it with UpdateAgent.", "AGENT_EXISTS");
        }

        var now = Now();
        var agent = new Agent(spec, AgentState.Active, existing?.CreateTime ?? now, now, null, await NextVersionAsync(connection, transaction, cancellationToken));
        await UpsertAsync(connection, transaction, agent, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (agent, true);
    }

    /// <summary>
    /// Changes an agent under a row lock; <paramref name="change"/> sees the current row and the
    /// write's time, and may refuse (throw) or leave it unchanged (null).
    /// </summary>
    public async Task<Agent> UpdateAsync(string agentId, Func<Agent, DateTimeOffset, Agent?> change, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await ReadAgentAsync(connection, transaction, agentId, cancellationToken, forUpdate: true)
            ?? throw BudgetErrors.AgentNotFound(agentId);
        var now = Now();
        var changed = change(current, now);
        if (changed is null)
        {
            return current;
        }

        var updated = changed with { UpdateTime = now, Version = await NextVersionAsync(connection, transaction, cancellationToken) };
        await UpsertAsync(connection, transaction, updated, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return updated;
    }

    public async Task<Agent?> GetAsync(string agentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAgentAsync(connection, null, agentId, cancellationToken);
    }

    /// <summary>Agents after <paramref name="afterId"/> in id order, filtered, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<Agent>> ListAsync(Tier tier, string team, bool includeRetired, string afterId, int limit,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AgentRow>(new CommandDefinition(
            $"""
            SELECT {AgentRow.Columns} FROM budget.agents
            WHERE agent_id > @afterId AND (@tier = 0 OR tier = @tier) AND (@team = '' OR team = @team) AND (@includeRetired OR state = 1)
            ORDER BY agent_id LIMIT @limit
            """,
            new { afterId, tier = (short)tier, team, includeRetired, limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToAgent()).ToList();
    }

    public async Task<FleetBudget> GetFleetAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadFleetAsync(connection, null, forUpdate: false, cancellationToken);
    }

    /// <summary>Changes the fleet budget under a row lock (the defaults when never written).</summary>
    public async Task<FleetBudget> UpdateFleetAsync(Func<FleetBudget, FleetBudget?> change, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Serialises first-time writers too (no row to lock yet).
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtext('budget.fleet'))", transaction: transaction, cancellationToken: cancellationToken));
        var current = await ReadFleetAsync(connection, transaction, forUpdate: true, cancellationToken);
        var changed = change(current);
        if (changed is null)
        {
            return current;
        }

        var updated = changed with { UpdateTime = Now(), Version = await NextVersionAsync(connection, transaction, cancellationToken) };
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO budget.fleet (id, spec, update_time, version) VALUES (1, @spec::jsonb, @updateTime, @version)
            ON CONFLICT (id) DO UPDATE SET spec = excluded.spec, update_time = excluded.update_time, version = excluded.version
            """,
            new { spec = JsonSerializer.Serialize(updated, Json), updateTime = updated.UpdateTime.UtcDateTime, version = updated.Version },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return updated;
    }

    /// <summary>The current time at PostgreSQL's precision (microseconds), so a returned resource equals its re-read.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }

    private static async Task<FleetBudget> ReadFleetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, bool forUpdate,
        CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(string Spec, DateTime UpdateTime, long Version)?>(new CommandDefinition(
            "SELECT spec::text, update_time, version FROM budget.fleet WHERE id = 1" + (forUpdate ? " FOR UPDATE" : string.Empty),
            transaction: transaction, cancellationToken: cancellationToken));
        if (row is not { } found)
        {
            return FleetBudget.Default;
        }

        var fleet = JsonSerializer.Deserialize<FleetBudget>(found.Spec, Json) ?? FleetBudget.Default;
        return fleet with
        {
            UpdateTime = new DateTimeOffset(DateTime.SpecifyKind(found.UpdateTime, DateTimeKind.Utc)),
            Version = found.Version,
        };
    }

    private static async Task<Agent?> ReadAgentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string agentId,
        CancellationToken cancellationToken, bool forUpdate = false)
    {
        var row = await connection.QuerySingleOrDefaultAsync<AgentRow>(new CommandDefinition(
            $"SELECT {AgentRow.Columns} FROM budget.agents WHERE agent_id = @agentId" + (forUpdate ? " FOR UPDATE" : string.Empty),
            new { agentId }, transaction, cancellationToken: cancellationToken));
        return row?.ToAgent();
    }

    private static Task<long> NextVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT nextval('budget.config_version')", transaction: transaction, cancellationToken: cancellationToken));

    private static Task UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Agent agent, CancellationToken cancellationToken)
    {
        var spec = agent.Spec;
        return connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO budget.agents (agent_id, tier, hourly_token_limit, daily_token_limit, hourly_usd_limit_micros, daily_usd_limit_micros,
                warning_threshold_percent, output_estimate, team, display_name, labels, state, create_time, update_time, retire_time, version)
            VALUES (@AgentId, @Tier, @HourlyTokens, @DailyTokens, @HourlyUsd, @DailyUsd, @Warning, @Estimate, @Team, @DisplayName,
                @Labels::jsonb, @State, @CreateTime, @UpdateTime, @RetireTime, @Version)
            ON CONFLICT (agent_id) DO UPDATE SET tier = excluded.tier, hourly_token_limit = excluded.hourly_token_limit,
                daily_token_limit = excluded.daily_token_limit, hourly_usd_limit_micros = excluded.hourly_usd_limit_micros,
                daily_usd_limit_micros = excluded.daily_usd_limit_micros, warning_threshold_percent = excluded.warning_threshold_percent,
                output_estimate = excluded.output_estimate, team = excluded.team, display_name = excluded.display_name,
                labels = excluded.labels, state = excluded.state, update_time = excluded.update_time,
                retire_time = excluded.retire_time, version = excluded.version
            """,
            new
            {
                spec.AgentId,
                Tier = (short)spec.Tier,
                HourlyTokens = spec.Limits.HourlyTokens,
                DailyTokens = spec.Limits.DailyTokens,
                HourlyUsd = spec.Limits.HourlyUsdMicros,
                DailyUsd = spec.Limits.DailyUsdMicros,
                Warning = spec.WarningThresholdPercent,
                Estimate = (short)(spec.OutputEstimate == OutputEstimate.Unspecified ? OutputEstimate.MaxTokens : spec.OutputEstimate),
                spec.Team,
                spec.DisplayName,
                Labels = JsonSerializer.Serialize(spec.Labels),
                State = (short)agent.State,
                CreateTime = agent.CreateTime.UtcDateTime,
                UpdateTime = agent.UpdateTime.UtcDateTime,
                RetireTime = agent.RetireTime?.UtcDateTime,
                agent.Version,
            },
            transaction, cancellationToken: cancellationToken));
    }

    private static System.Collections.Immutable.ImmutableSortedDictionary<string, Agent> Index(IEnumerable<Agent> agents) =>
        System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, agents.Select(a => KeyValuePair.Create(a.Id, a)));
}
