using System.Text;
using Npgsql;
using NpgsqlTypes;
using Platform.Common.V1;
using Platform.Metrics.Reports;

namespace Platform.Metrics.Storage;

/// <summary>Reads the roll-up rows of a cube that fall in a set of bucket segments.</summary>
public sealed class RollupReader(NpgsqlDataSource dataSource)
{
    private const int FirstStatistic = 2; // grain, bucket_start, then labels

    /// <param name="histograms">Also read the latency histograms (needed for percentiles only).</param>
    public async Task<List<RollupRow>> ReadAsync(RollupCube cube, IReadOnlyList<BucketSegment> segments, RollupFilter filter,
        bool histograms, CancellationToken cancellationToken)
    {
        var rows = new List<RollupRow>();
        if (segments.Count == 0)
            return rows;

        await using var command = dataSource.CreateCommand(BuildSql(cube, filter, histograms));
        AddSegmentParameters(command.Parameters, segments);
        AddFilterParameters(command.Parameters, filter);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var labelCount = cube.Dimensions.Count;
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = ReadKey(reader, cube);
            var tally = ReadTally(reader, FirstStatistic + labelCount, histograms);
            rows.Add(new RollupRow(key, tally));
        }

        return rows;
    }

    private static string BuildSql(RollupCube cube, RollupFilter filter, bool histograms)
    {
        foreach (var dimension in filter.Dimensions())
        {
            if (!cube.Has(dimension))
                throw new InvalidOperationException($"{cube} has no {dimension} to filter by.");
        }

        var sql = new StringBuilder();
        sql.Append("SELECT r.grain, r.bucket_start");
        foreach (var dimension in cube.Dimensions)
            sql.Append(", r.").Append(RollupCube.Column(dimension));
        sql.Append(", r.request_count, r.ok_count, r.rate_limited_count, r.error_count, r.timeout_count, r.budget_denied_count, ")
           .Append("r.cancelled_count, r.fallback_count, r.latency_sum_ms, r.busy_ms, r.ttft_count, r.ttft_sum_ms, r.input_tokens, ")
           .Append("r.output_tokens, r.cost_micros");
        if (histograms)
            sql.Append(", r.latency_histogram, r.ttft_histogram");
        sql.Append($"""

            FROM unnest(@segment_grain::smallint[], @segment_start::timestamptz[], @segment_end::timestamptz[]) AS s(grain, start_time, end_time)
            JOIN metrics.{cube.Table} r ON r.grain = s.grain AND r.bucket_start >= s.start_time AND r.bucket_start < s.end_time
            WHERE true
            """);
        if (filter.Models is { Count: > 0 }) sql.Append(" AND r.model = ANY(@models)");
        if (!string.IsNullOrEmpty(filter.Provider)) sql.Append(" AND r.provider = @provider");
        if (filter.AgentIds is { Count: > 0 }) sql.Append(" AND r.agent_id = ANY(@agent_ids)");
        if (filter.Team is not null) sql.Append(" AND r.team = @team");
        if (filter.Tier is not null) sql.Append(" AND r.tier = @tier");
        return sql.ToString();
    }

    private static void AddSegmentParameters(NpgsqlParameterCollection parameters, IReadOnlyList<BucketSegment> segments)
    {
        parameters.Add(new NpgsqlParameter<short[]>("segment_grain", NpgsqlDbType.Array | NpgsqlDbType.Smallint)
            { TypedValue = segments.Select(s => (short)s.Grain).ToArray() });
        parameters.Add(new NpgsqlParameter<DateTime[]>("segment_start", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            { TypedValue = segments.Select(s => s.Start).ToArray() });
        parameters.Add(new NpgsqlParameter<DateTime[]>("segment_end", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            { TypedValue = segments.Select(s => s.End).ToArray() });
    }

    private static void AddFilterParameters(NpgsqlParameterCollection parameters, RollupFilter filter)
    {
        if (filter.Models is { Count: > 0 } models)
            parameters.Add(new NpgsqlParameter<string[]>("models", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = models.ToArray() });
        if (!string.IsNullOrEmpty(filter.Provider))
            parameters.AddWithValue("provider", filter.Provider);
        if (filter.AgentIds is { Count: > 0 } agents)
            parameters.Add(new NpgsqlParameter<string[]>("agent_ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = agents.ToArray() });
        if (filter.Team is not null)
            parameters.AddWithValue("team", filter.Team);
        if (filter.Tier is { } tier)
            parameters.AddWithValue("tier", (short)tier);
    }

    private static RollupKey ReadKey(NpgsqlDataReader reader, RollupCube cube)
    {
        string model = "", provider = "", agent = "", team = "";
        Tier tier = default;
        for (var i = 0; i < cube.Dimensions.Count; i++)
        {
            var ordinal = FirstStatistic + i;
            switch (cube.Dimensions[i])
            {
                case RollupDimension.Model: model = reader.GetString(ordinal); break;
                case RollupDimension.Provider: provider = reader.GetString(ordinal); break;
                case RollupDimension.AgentId: agent = reader.GetString(ordinal); break;
                case RollupDimension.Team: team = reader.GetString(ordinal); break;
                case RollupDimension.Tier: tier = (Tier)reader.GetInt16(ordinal); break;
            }
        }

        return new RollupKey((Grain)reader.GetInt16(0), reader.GetDateTime(1), model, provider, agent, team, tier);
    }

    private static CallTally ReadTally(NpgsqlDataReader reader, int first, bool histograms)
    {
        var tally = new CallTally
        {
            RequestCount = reader.GetInt64(first),
            OkCount = reader.GetInt64(first + 1),
            RateLimitedCount = reader.GetInt64(first + 2),
            ErrorCount = reader.GetInt64(first + 3),
            TimeoutCount = reader.GetInt64(first + 4),
            BudgetDeniedCount = reader.GetInt64(first + 5),
            CancelledCount = reader.GetInt64(first + 6),
            FallbackCount = reader.GetInt64(first + 7),
            LatencySumMs = reader.GetInt64(first + 8),
            BusyMs = reader.GetInt64(first + 9),
            TtftCount = reader.GetInt64(first + 10),
            TtftSumMs = reader.GetInt64(first + 11),
            InputTokens = reader.GetInt64(first + 12),
            OutputTokens = reader.GetInt64(first + 13),
            CostMicros = reader.GetInt64(first + 14),
        };
        if (histograms)
        {
            tally.Latency.Add(reader.GetFieldValue<long[]>(first + 15));
            tally.TimeToFirstToken.Add(reader.GetFieldValue<long[]>(first + 16));
        }

        return tally;
    }
}
