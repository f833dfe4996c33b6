using System.Globalization;
using Dapper;
using Npgsql;
using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Platform.Budget.Registry;

namespace Platform.Budget.Ledger;

/// <summary>ListLedgerEntries: the durable ledger in PostgreSQL, newest first, keyset-paged by entry id.</summary>
public sealed class LedgerReader(NpgsqlDataSource dataSource)
{
    public async Task<LedgerPage> ListAsync(LedgerQuery query, CancellationToken cancellationToken = default)
    {
        query.Validate();
        var size = PageTokens.PageSize(query.PageSize, 100);
        var filters = string.Create(CultureInfo.InvariantCulture,
            $"ledger|{query.AgentId}|{query.ReservationId}|{string.Join(',', query.Types.Select(t => (int)t))}|{query.Start?.UtcTicks}|{query.End?.UtcTicks}|{query.ReallocationId}");
        var cursor = PageTokens.Read(query.PageToken, filters);
        long? beforeMs = null, beforeSeq = null;
        if (cursor.Length > 0)
        {
            var parts = cursor.Split('-');
            beforeMs = long.Parse(parts[0], CultureInfo.InvariantCulture);
            beforeSeq = long.Parse(parts[1], CultureInfo.InvariantCulture);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT entry_ms AS Ms, entry_seq AS Seq, create_time AS CreateTime, type AS Type, agent_id AS AgentId, tier AS Tier,
                   reservation_id AS ReservationId, tokens AS Tokens, cost_micros AS CostMicros, held_tokens AS HeldTokens,
                   held_cost_micros AS HeldCostMicros, overage_tokens AS OverageTokens, overage_cost_micros AS OverageCostMicros,
                   counterparty_agent_id AS Counterparty, model AS Model, denial_reason AS DenialReason, reallocation_id AS ReallocationId,
                   request_id AS RequestId, task_id AS TaskId, idempotency_key AS IdempotencyKey, expire_time AS ExpireTime,
                   decision_inputs AS DecisionInputs, message AS Message
            FROM budget.ledger_entries
            WHERE (@agent = '' OR agent_id = @agent OR counterparty_agent_id = @agent)
              AND (@reservation = '' OR reservation_id = @reservation)
              AND (cardinality(@types) = 0 OR type = ANY(@types))
              AND (@start::timestamptz IS NULL OR create_time >= @start)
              AND (@end::timestamptz IS NULL OR create_time < @end)
              AND (@reallocation = '' OR reallocation_id = @reallocation)
              AND (@beforeMs::bigint IS NULL OR (entry_ms, entry_seq) < (@beforeMs, @beforeSeq))
            ORDER BY entry_ms DESC, entry_seq DESC
            LIMIT @limit
            """,
            new
            {
                agent = query.AgentId,
                reservation = query.ReservationId,
                types = query.Types.Select(t => (short)t).ToArray(),
                start = query.Start?.UtcDateTime,
                end = query.End?.UtcDateTime,
                reallocation = query.ReallocationId,
                beforeMs,
                beforeSeq,
                limit = size + 1,
            },
            cancellationToken: cancellationToken))).ToList();
        var entries = rows.Take(size).Select(r => r.ToEntry()).ToList();
        var next = rows.Count > size ? PageTokens.Issue(filters, entries[^1].EntryId) : string.Empty;
        return new LedgerPage(entries, next);
    }

    private sealed class Row
    {
        public long Ms { get; set; }

        public long Seq { get; set; }

        public DateTime CreateTime { get; set; }

        public short Type { get; set; }

        public string AgentId { get; set; } = string.Empty;

        public short Tier { get; set; }

        public string ReservationId { get; set; } = string.Empty;

        public long Tokens { get; set; }

        public long CostMicros { get; set; }

        public long HeldTokens { get; set; }

        public long HeldCostMicros { get; set; }

        public long OverageTokens { get; set; }

        public long OverageCostMicros { get; set; }

        public string Counterparty { get; set; } = string.Empty;

        public string Model { get; set; } = string.Empty;

        public short DenialReason { get; set; }

        public string ReallocationId { get; set; } = string.Empty;

        public string RequestId { get; set; } = string.Empty;

        public string TaskId { get; set; } = string.Empty;

        public string IdempotencyKey { get; set; } = string.Empty;

        public DateTime? ExpireTime { get; set; }

        public string DecisionInputs { get; set; } = string.Empty;

        public string Message { get; set; } = string.Empty;

        public LedgerEntry ToEntry() => new()
        {
            EntryId = string.Create(CultureInfo.InvariantCulture, $"{Ms}-{Seq}"),
            CreateTime = new DateTimeOffset(DateTime.SpecifyKind(CreateTime, DateTimeKind.Utc)),
            Type = (LedgerEntryType)Type,
            AgentId = AgentId,
            Tier = (Tier)Tier,
            ReservationId = ReservationId,
            Tokens = Tokens,
            CostMicros = CostMicros,
            HeldTokens = HeldTokens,
            HeldCostMicros = HeldCostMicros,
            OverageTokens = OverageTokens,
            OverageCostMicros = OverageCostMicros,
            CounterpartyAgentId = Counterparty,
            Model = Model,
            DenialReason = (DenialReason)DenialReason,
            ReallocationId = ReallocationId,
            RequestId = RequestId,
            TaskId = TaskId,
            IdempotencyKey = IdempotencyKey,
            ExpireTime = ExpireTime is { } expire ? new DateTimeOffset(DateTime.SpecifyKind(expire, DateTimeKind.Utc)) : null,
            DecisionInputs = DecisionInputs,
            Message = Message,
        };
    }
}
