using Dapper;
using Npgsql;

namespace Platform.Budget.Reallocation;

/// <summary>Reads recent demand from the durable ledger: denials (and what they asked for) and committed usage.</summary>
public sealed class DemandReader(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyDictionary<string, AgentDemand>> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Denial reasons: 1 hourly tokens, 6 no spare budget (both the shared token budget); 4 daily USD.
        var rows = await connection.QueryAsync<(string AgentId, long TokenDenials, long DeniedTokens, long UsdDenials, long DeniedCost,
            long CommittedTokens, long CommittedCost)>(new CommandDefinition(
            """
            SELECT agent_id,
                   count(*) FILTER (WHERE type = 5 AND denial_reason IN (1, 6)),
                   coalesce(sum(tokens) FILTER (WHERE type = 5 AND denial_reason IN (1, 6)), 0)::bigint,
                   count(*) FILTER (WHERE type = 5 AND denial_reason = 4),
                   coalesce(sum(cost_micros) FILTER (WHERE type = 5 AND denial_reason = 4), 0)::bigint,
                   coalesce(sum(tokens) FILTER (WHERE type = 2), 0)::bigint,
                   coalesce(sum(cost_micros) FILTER (WHERE type = 2), 0)::bigint
            FROM budget.ledger_entries
            WHERE create_time >= @since AND type IN (2, 5)
            GROUP BY agent_id
            """,
            new { since = since.UtcDateTime }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.AgentId,
            r => new AgentDemand(r.TokenDenials, r.DeniedTokens, r.UsdDenials, r.DeniedCost, r.CommittedTokens, r.CommittedCost),
            StringComparer.Ordinal);
    }
}
