using Npgsql;
using NpgsqlTypes;
using Platform.Metrics.Events;

namespace Platform.Metrics.Storage;

/// <summary>A batch of calls as one array parameter per column of <c>metrics.call_events</c>.</summary>
internal static class CallEventColumns
{
    public const string InsertNew = """
        INSERT INTO metrics.call_events (
            event_id, event_time, model, provider, agent_id, team, tier, status, latency_ms, time_to_first_token_ms,
            input_tokens, output_tokens, cost_micros, fallback_depth, strategy, request_id, task_id, attempt_count,
            streamed, cache_hit, error_message, task_type, cached_input_tokens, source)
        SELECT * FROM unnest(
            @event_id::text[], @event_time::timestamptz[], @model::text[], @provider::text[], @agent_id::text[],
            @team::text[], @tier::smallint[], @status::smallint[], @latency_ms::bigint[], @ttft_ms::bigint[],
            @input_tokens::bigint[], @output_tokens::bigint[], @cost_micros::bigint[], @fallback_depth::integer[],
            @strategy::smallint[], @request_id::text[], @task_id::text[], @attempt_count::integer[],
            @streamed::boolean[], @cache_hit::boolean[], @error_message::text[], @task_type::smallint[],
            @cached_input_tokens::bigint[], @source::text[])
        ON CONFLICT (event_id) DO NOTHING
        RETURNING event_id
        """;

    public static void AddParameters(NpgsqlParameterCollection p, IReadOnlyList<CallRecord> calls)
    {
        Add(p, "event_id", NpgsqlDbType.Text, calls, c => c.EventId);
        Add(p, "event_time", NpgsqlDbType.TimestampTz, calls, c => c.EventTime);
        Add(p, "model", NpgsqlDbType.Text, calls, c => c.Model);
        Add(p, "provider", NpgsqlDbType.Text, calls, c => c.Provider);
        Add(p, "agent_id", NpgsqlDbType.Text, calls, c => c.AgentId);
        Add(p, "team", NpgsqlDbType.Text, calls, c => c.Team);
        Add(p, "tier", NpgsqlDbType.Smallint, calls, c => (short)c.Tier);
        Add(p, "status", NpgsqlDbType.Smallint, calls, c => (short)c.Status);
        Add(p, "latency_ms", NpgsqlDbType.Bigint, calls, c => c.LatencyMs);
        Add(p, "ttft_ms", NpgsqlDbType.Bigint, calls, c => c.TimeToFirstTokenMs);
        Add(p, "input_tokens", NpgsqlDbType.Bigint, calls, c => c.InputTokens);
        Add(p, "output_tokens", NpgsqlDbType.Bigint, calls, c => c.OutputTokens);
        Add(p, "cost_micros", NpgsqlDbType.Bigint, calls, c => c.CostMicros);
        Add(p, "fallback_depth", NpgsqlDbType.Integer, calls, c => c.FallbackDepth);
        Add(p, "strategy", NpgsqlDbType.Smallint, calls, c => (short)c.Strategy);
        Add(p, "request_id", NpgsqlDbType.Text, calls, c => c.RequestId);
        Add(p, "task_id", NpgsqlDbType.Text, calls, c => c.TaskId);
        Add(p, "attempt_count", NpgsqlDbType.Integer, calls, c => c.AttemptCount);
        Add(p, "streamed", NpgsqlDbType.Boolean, calls, c => c.Streamed);
        Add(p, "cache_hit", NpgsqlDbType.Boolean, calls, c => c.CacheHit);
        Add(p, "error_message", NpgsqlDbType.Text, calls, c => c.ErrorMessage);
        Add(p, "task_type", NpgsqlDbType.Smallint, calls, c => (short)c.TaskType);
        Add(p, "cached_input_tokens", NpgsqlDbType.Bigint, calls, c => c.CachedInputTokens);
        Add(p, "source", NpgsqlDbType.Text, calls, c => c.Source);
    }

    private static void Add<T>(NpgsqlParameterCollection parameters, string name, NpgsqlDbType type, IReadOnlyList<CallRecord> calls, Func<CallRecord, T> column)
    {
        var values = new T[calls.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = column(calls[i]);
        parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | type) { TypedValue = values });
    }
}
