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
        busy_ms             = r.busy_ms + EXCLUDED.busy_ms,
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

    public const string StatisticsColumns = """
        request_count, ok_count, rate_limited_count, error_count, timeout_count, budget_denied_count,
        cancelled_count, fallback_count, latency_sum_ms, busy_ms, ttft_count, ttft_sum_ms, input_tokens, output_tokens,
        cost_micros, latency_histogram, ttft_histogram
        """;

    private const string StatisticsValues = """
        u.request_count, u.ok_count, u.rate_limited_count, u.error_count, u.timeout_count, u.budget_denied_count,
        u.cancelled_count, u.fallback_count, u.latency_sum_ms, u.busy_ms, u.ttft_count, u.ttft_sum_ms, u.input_tokens,
        u.output_tokens, u.cost_micros,
        (@latency_flat::bigint[])[u.latency_offset + 1 : u.latency_offset + u.latency_length],
        (@ttft_flat::bigint[])[u.ttft_offset + 1 : u.ttft_offset + u.ttft_length]
        """;

    private static readonly Dictionary<RollupCube, string> Upserts = RollupCube.All.ToDictionary(cube => cube, BuildUpsert);

    /// <summary>Adds one delta per row of <paramref name="cube"/>, creating rows that do not exist yet.</summary>
    public static string Upsert(RollupCube cube) => Upserts[cube];

    private static string BuildUpsert(RollupCube cube)
    {
        var labels = cube.Dimensions.Select(RollupCube.Column).ToList();
        var labelColumns = string.Join(", ", labels);
        var labelValues = string.Join(", ", labels.Select(l => "u." + l));
        var labelParameters = string.Join(", ", labels.Select(l => $"@{l}::{(l == "tier" ? "smallint" : "text")}[]"));
        return $"""
            INSERT INTO metrics.{cube.Table} AS r (grain, bucket_start, {labelColumns}, {StatisticsColumns})
            SELECT u.grain, u.bucket_start, {labelValues}, {StatisticsValues}
            FROM unnest(@grain::smallint[], @bucket_start::timestamptz[], {labelParameters}, {TallyColumns.UnnestParameters})
                 WITH ORDINALITY AS u(grain, bucket_start, {labelColumns}, {TallyColumns.UnnestColumns}, ord)
            ORDER BY u.ord
            ON CONFLICT (grain, bucket_start, {labelColumns}) DO UPDATE SET
            {AddStatistics}
            """;
    }
}
