using Npgsql;
using NpgsqlTypes;

namespace Platform.Metrics.Storage;

/// <summary>
/// The statistics columns of many roll-up rows as parallel arrays, sent as parameters and expanded
/// with <c>unnest</c> (one round trip, binary, no temporary tables). Histograms of variable length
/// travel as one flat array plus each row's offset and length.
/// </summary>
internal sealed class TallyColumns(int capacity)
{
    public const string UnnestColumns =
        "request_count, ok_count, rate_limited_count, error_count, timeout_count, budget_denied_count, " +
        "cancelled_count, fallback_count, latency_sum_ms, busy_ms, ttft_count, ttft_sum_ms, input_tokens, output_tokens, " +
        "cost_micros, latency_offset, latency_length, ttft_offset, ttft_length";

    public const string UnnestParameters =
        "@request_count, @ok_count, @rate_limited_count, @error_count, @timeout_count, @budget_denied_count, " +
        "@cancelled_count, @fallback_count, @latency_sum_ms, @busy_ms, @ttft_count, @ttft_sum_ms, @input_tokens, @output_tokens, " +
        "@cost_micros, @latency_offset, @latency_length, @ttft_offset, @ttft_length";

    private static readonly string[] LongColumns =
    [
        "request_count", "ok_count", "rate_limited_count", "error_count", "timeout_count", "budget_denied_count",
        "cancelled_count", "fallback_count", "latency_sum_ms", "busy_ms", "ttft_count", "ttft_sum_ms", "input_tokens",
        "output_tokens", "cost_micros",
    ];

    private readonly List<long>[] _longs = LongColumns.Select(_ => new List<long>(capacity)).ToArray();
    private readonly List<long> _latencyFlat = new(capacity * 8);
    private readonly List<int> _latencyOffset = new(capacity);
    private readonly List<int> _latencyLength = new(capacity);
    private readonly List<long> _ttftFlat = new(capacity * 8);
    private readonly List<int> _ttftOffset = new(capacity);
    private readonly List<int> _ttftLength = new(capacity);

    public void Add(CallTally tally)
    {
        long[] values =
        [
            tally.RequestCount, tally.OkCount, tally.RateLimitedCount, tally.ErrorCount, tally.TimeoutCount,
            tally.BudgetDeniedCount, tally.CancelledCount, tally.FallbackCount, tally.LatencySumMs, tally.BusyMs, tally.TtftCount,
            tally.TtftSumMs, tally.InputTokens, tally.OutputTokens, tally.CostMicros,
        ];
        for (var i = 0; i < values.Length; i++)
            _longs[i].Add(values[i]);
        Append(tally.Latency, _latencyFlat, _latencyOffset, _latencyLength);
        Append(tally.TimeToFirstToken, _ttftFlat, _ttftOffset, _ttftLength);
    }

    public void AddParametersTo(NpgsqlParameterCollection parameters)
    {
        for (var i = 0; i < LongColumns.Length; i++)
            parameters.Add(new NpgsqlParameter<long[]>(LongColumns[i], NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = _longs[i].ToArray() });
        parameters.Add(new NpgsqlParameter<long[]>("latency_flat", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = _latencyFlat.ToArray() });
        parameters.Add(new NpgsqlParameter<int[]>("latency_offset", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = _latencyOffset.ToArray() });
        parameters.Add(new NpgsqlParameter<int[]>("latency_length", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = _latencyLength.ToArray() });
        parameters.Add(new NpgsqlParameter<long[]>("ttft_flat", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = _ttftFlat.ToArray() });
        parameters.Add(new NpgsqlParameter<int[]>("ttft_offset", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = _ttftOffset.ToArray() });
        parameters.Add(new NpgsqlParameter<int[]>("ttft_length", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = _ttftLength.ToArray() });
    }

    private static void Append(Histogram histogram, List<long> flat, List<int> offsets, List<int> lengths)
    {
        var counts = histogram.ToArray();
        offsets.Add(flat.Count);
        lengths.Add(counts.Length);
        flat.AddRange(counts);
    }
}
