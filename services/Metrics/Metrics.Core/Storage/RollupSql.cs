namespace Platform.Metrics.Storage;

/// <summary>The upserts that add a batch's deltas to the roll-up tables.</summary>
internal static class RollupSql
{
    private const string AddStatistics = """
        request_count       = r.request_count + EXCLUDED.request_count,
        ok_count            = r.ok_count + EXCLUDED.ok_count,
        rate_limited_count  = r.rate_limited_count + EXCLUDED.rate_limited_count,
        error_count         = r.error_count + EXCLUDED.error_count,
        timeout_count       = r.timeout_count + EXCLUDED.timeout_count,
        budget_denied_count = r.budget_denied_count + EXCLUDED.budget_denied_count,
        cancelled_count     = r.cancelled_count + EXCLUDED.cancelled_count,
        fallback_count      = r.fallback_count + EXCLUDED.fallback_count,
        latency_sum_ms      = r.latency_sum_ms + EXCLUDED.latency_sum_ms,
        ttft_count          = r.ttft_count + EXCLUDED.ttft_count,
        ttft_sum_ms         = r.ttft_sum_ms + EXCLUDED.ttft_sum_ms,
        input_tokens        = r.input_tokens + EXCLUDED.input_tokens,
        output_tokens       = r.output_tokens + EXCLUDED.output_tokens,
        cost_micros         = r.cost_micros + EXCLUDED.cost_micros,
        latency_histogram   = CASE WHEN cardinality(EXCLUDED.latency_histogram) = 0 THEN r.latency_histogram
                                   ELSE metrics.histogram_add(r.latency_histogram, EXCLUDED.latency_histogram) END,
        ttft_histogram      = CASE WHEN cardinality(EXCLUDED.ttft_histogram) = 0 THEN r.ttft_histogram
                                   ELSE metrics.histogram_add(r.ttft_histogram, EXCLUDED.ttft_histogram) END
        """;

    private const string StatisticsColumns = """
        request_count, ok_count, rate_limited_count, error_count, timeout_count, budget_denied_count,
        cancelled_count, fallback_count, latency_sum_ms, ttft_count, ttft_sum_ms, input_tokens, output_tokens,
        cost_micros, latency_histogram, ttft_histogram
        """;

    private const string StatisticsValues = """
        u.request_count, u.ok_count, u.rate_limited_count, u.error_count, u.timeout_count, u.budget_denied_count,
        u.cancelled_count, u.fallback_count, u.latency_sum_ms, u.ttft_count, u.ttft_sum_ms, u.input_tokens,
        u.output_tokens, u.cost_micros,
        (@latency_flat::bigint[])[u.latency_offset + 1 : u.latency_offset + u.latency_length],
        (@ttft_flat::bigint[])[u.ttft_offset + 1 : u.ttft_offset + u.ttft_length]
        """;

    public const string UpsertModelRollups = $"""
        INSERT INTO metrics.model_rollups AS r (grain, bucket_start, model, provider, tier, {StatisticsColumns})
        SELECT u.grain, u.bucket_start, u.model, u.provider, u.tier, {StatisticsValues}
        FROM unnest(@grain::smallint[], @bucket_start::timestamptz[], @model::text[], @provider::text[], @tier::smallint[],
                    {TallyColumns.UnnestParameters})
             WITH ORDINALITY AS u(grain, bucket_start, model, provider, tier, {TallyColumns.UnnestColumns}, ord)
        ORDER BY u.ord
        ON CONFLICT (grain, bucket_start, model, provider, tier) DO UPDATE SET
        {AddStatistics}
        """;

    public const string UpsertAgentRollups = $"""
        INSERT INTO metrics.agent_rollups AS r (grain, bucket_start, agent_id, team, tier, model, provider, {StatisticsColumns})
        SELECT u.grain, u.bucket_start, u.agent_id, u.team, u.tier, u.model, u.provider, {StatisticsValues}
        FROM unnest(@grain::smallint[], @bucket_start::timestamptz[], @agent_id::text[], @team::text[], @tier::smallint[],
                    @model::text[], @provider::text[], {TallyColumns.UnnestParameters})
             WITH ORDINALITY AS u(grain, bucket_start, agent_id, team, tier, model, provider, {TallyColumns.UnnestColumns}, ord)
        ORDER BY u.ord
        ON CONFLICT (grain, bucket_start, agent_id, team, tier, model, provider) DO UPDATE SET
        {AddStatistics}
        """;
}
