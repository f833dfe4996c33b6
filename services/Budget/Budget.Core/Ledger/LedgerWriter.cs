using Npgsql;
using NpgsqlTypes;

namespace Platform.Budget.Ledger;

/// <summary>
/// Writes a batch of ledger entries to PostgreSQL in one statement (so one transaction): entries
/// keyed by their stream id (a batch written twice inserts nothing the second time) and, for the
/// rows actually inserted, the per-agent daily roll-up.
/// </summary>
public sealed class LedgerWriter(NpgsqlDataSource dataSource)
{
    private const string Sql =
        """
        WITH input AS (
            SELECT * FROM unnest(@ms, @seq, @time, @type, @agent, @tier, @reservation, @tokens, @cost, @held_tokens, @held_cost,
                                 @overage_tokens, @overage_cost, @counterparty, @model, @denial, @reallocation, @request, @task,
                                 @idempotency, @expire, @inputs, @message)
        ),
        inserted AS (
            INSERT INTO budget.ledger_entries (entry_ms, entry_seq, create_time, type, agent_id, tier, reservation_id, tokens, cost_micros,
                held_tokens, held_cost_micros, overage_tokens, overage_cost_micros, counterparty_agent_id, model, denial_reason,
                reallocation_id, request_id, task_id, idempotency_key, expire_time, decision_inputs, message)
            SELECT * FROM input
            ON CONFLICT (entry_ms, entry_seq) DO NOTHING
            RETURNING create_time, type, agent_id, counterparty_agent_id, tokens, cost_micros, overage_tokens, overage_cost_micros
        ),
        sides AS (
            SELECT (create_time AT TIME ZONE 'UTC')::date AS day, agent_id, type, tokens, cost_micros, overage_tokens,
                   overage_cost_micros, false AS lender
            FROM inserted WHERE agent_id <> ''
            UNION ALL
            SELECT (create_time AT TIME ZONE 'UTC')::date, counterparty_agent_id, type, tokens, cost_micros, 0, 0, true
            FROM inserted WHERE type = 6 AND counterparty_agent_id <> ''
        )
        INSERT INTO budget.agent_daily_usage AS u (day, agent_id, grants, denials, commits, releases, expiries, warnings,
            committed_tokens, committed_cost_micros, overage_tokens, overage_cost_micros, borrowed_tokens, borrowed_cost_micros,
            lent_tokens, lent_cost_micros, reallocated_tokens, reallocated_cost_micros)
        SELECT day, agent_id,
            count(*) FILTER (WHERE type = 1), count(*) FILTER (WHERE type = 5), count(*) FILTER (WHERE type = 2),
            count(*) FILTER (WHERE type = 3), count(*) FILTER (WHERE type = 4), count(*) FILTER (WHERE type = 10),
            coalesce(sum(tokens) FILTER (WHERE type = 2), 0), coalesce(sum(cost_micros) FILTER (WHERE type = 2), 0),
            coalesce(sum(overage_tokens) FILTER (WHERE type = 2), 0), coalesce(sum(overage_cost_micros) FILTER (WHERE type = 2), 0),
            coalesce(sum(tokens) FILTER (WHERE type = 6 AND NOT lender), 0), coalesce(sum(cost_micros) FILTER (WHERE type = 6 AND NOT lender), 0),
            coalesce(sum(tokens) FILTER (WHERE type = 6 AND lender), 0), coalesce(sum(cost_micros) FILTER (WHERE type = 6 AND lender), 0),
            coalesce(sum(tokens) FILTER (WHERE type = 7), 0), coalesce(sum(cost_micros) FILTER (WHERE type = 7), 0)
        FROM sides GROUP BY day, agent_id
        ON CONFLICT (day, agent_id) DO UPDATE SET
            grants = u.grants + excluded.grants, denials = u.denials + excluded.denials, commits = u.commits + excluded.commits,
            releases = u.releases + excluded.releases, expiries = u.expiries + excluded.expiries, warnings = u.warnings + excluded.warnings,
            committed_tokens = u.committed_tokens + excluded.committed_tokens,
            committed_cost_micros = u.committed_cost_micros + excluded.committed_cost_micros,
            overage_tokens = u.overage_tokens + excluded.overage_tokens,
            overage_cost_micros = u.overage_cost_micros + excluded.overage_cost_micros,
            borrowed_tokens = u.borrowed_tokens + excluded.borrowed_tokens,
            borrowed_cost_micros = u.borrowed_cost_micros + excluded.borrowed_cost_micros,
            lent_tokens = u.lent_tokens + excluded.lent_tokens, lent_cost_micros = u.lent_cost_micros + excluded.lent_cost_micros,
            reallocated_tokens = u.reallocated_tokens + excluded.reallocated_tokens,
            reallocated_cost_micros = u.reallocated_cost_micros + excluded.reallocated_cost_micros
        """;

    public async Task WriteAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(Sql);
        Add(command, "ms", NpgsqlDbType.Bigint, entries, e => e.EntryMs);
        Add(command, "seq", NpgsqlDbType.Bigint, entries, e => e.EntrySequence);
        Add(command, "time", NpgsqlDbType.TimestampTz, entries, e => e.CreateTime.UtcDateTime);
        Add(command, "type", NpgsqlDbType.Smallint, entries, e => (short)e.Type);
        Add(command, "agent", NpgsqlDbType.Text, entries, e => e.AgentId);
        Add(command, "tier", NpgsqlDbType.Smallint, entries, e => (short)e.Tier);
        Add(command, "reservation", NpgsqlDbType.Text, entries, e => e.ReservationId);
        Add(command, "tokens", NpgsqlDbType.Bigint, entries, e => e.Tokens);
        Add(command, "cost", NpgsqlDbType.Bigint, entries, e => e.CostMicros);
        Add(command, "held_tokens", NpgsqlDbType.Bigint, entries, e => e.HeldTokens);
        Add(command, "held_cost", NpgsqlDbType.Bigint, entries, e => e.HeldCostMicros);
        Add(command, "overage_tokens", NpgsqlDbType.Bigint, entries, e => e.OverageTokens);
        Add(command, "overage_cost", NpgsqlDbType.Bigint, entries, e => e.OverageCostMicros);
        Add(command, "counterparty", NpgsqlDbType.Text, entries, e => e.CounterpartyAgentId);
        Add(command, "model", NpgsqlDbType.Text, entries, e => e.Model);
        Add(command, "denial", NpgsqlDbType.Smallint, entries, e => (short)e.DenialReason);
        Add(command, "reallocation", NpgsqlDbType.Text, entries, e => e.ReallocationId);
        Add(command, "request", NpgsqlDbType.Text, entries, e => e.RequestId);
        Add(command, "task", NpgsqlDbType.Text, entries, e => e.TaskId);
        Add(command, "idempotency", NpgsqlDbType.Text, entries, e => e.IdempotencyKey);
        Add(command, "expire", NpgsqlDbType.TimestampTz, entries, e => e.ExpireTime?.UtcDateTime);
        Add(command, "inputs", NpgsqlDbType.Text, entries, e => e.DecisionInputs);
        Add(command, "message", NpgsqlDbType.Text, entries, e => e.Message);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add<T>(NpgsqlCommand command, string name, NpgsqlDbType type, IReadOnlyList<LedgerEntry> entries, Func<LedgerEntry, T> value)
    {
        var values = new T[entries.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = value(entries[i]);
        }

        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = values });
    }
}
