using System.Diagnostics;
using System.Diagnostics.Metrics;
using Platform.Metrics.Events;
using Platform.Metrics.V1;

namespace Platform.Metrics.Telemetry;

/// <summary>
/// Fleet-wide business counters and histograms, fed by the calls this replica stores (each call is
/// stored by exactly one replica, so summing the replicas' series gives the fleet).
/// </summary>
public sealed class CallInstruments
{
    // LLM calls take from tens of milliseconds to minutes; the default HTTP buckets stop at 10 s.
    private static readonly double[] LatencyBucketsSeconds = [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 20, 30, 60, 120];

    private readonly Counter<long> _requests;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _fallbacks;
    private readonly Histogram<double> _latency;
    private readonly Histogram<double> _timeToFirstToken;
    private readonly Counter<long> _tokens;
    private readonly Counter<double> _cost;

    public CallInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MetricLabels.MeterName);
        _requests = meter.CreateCounter<long>("platform.llm.requests", "{request}",
            "LLM calls by model, provider, final status and tier.");
        _rateLimited = meter.CreateCounter<long>("platform.llm.rate_limit_hits", "{request}",
            "LLM calls that failed on a provider 429 or the gateway's own limits.");
        _fallbacks = meter.CreateCounter<long>("platform.llm.fallbacks", "{request}",
            "LLM calls served (or last attempted) by a fallback model.");
        _latency = meter.CreateHistogram<double>("platform.llm.latency", "s",
            "Latency of successful LLM calls as seen by the caller.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsSeconds });
        _timeToFirstToken = meter.CreateHistogram<double>("platform.llm.time_to_first_token", "s",
            "Time to first token of successful streamed LLM calls.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsSeconds });
        _tokens = meter.CreateCounter<long>("platform.llm.tokens", "{token}",
            "Tokens billed, by direction (input, output).");
        _cost = meter.CreateCounter<double>("platform.llm.cost_usd", "{USD}",
            "Cost of LLM calls in US dollars.");
    }

    public void Record(IReadOnlyList<CallRecord> storedCalls)
    {
        foreach (var call in storedCalls)
            Record(call);
    }

    private void Record(CallRecord call)
    {
        var model = new KeyValuePair<string, object?>("model", call.Model);
        var provider = new KeyValuePair<string, object?>("provider", call.Provider);
        var tier = new KeyValuePair<string, object?>("tier", MetricLabels.Tier(call.Tier));
        var status = new KeyValuePair<string, object?>("status", MetricLabels.Status(call.Status));

        _requests.Add(1, new TagList { model, provider, status, tier });
        if (call.Status == CallStatus.RateLimited)
            _rateLimited.Add(1, model, provider);
        if (call.FallbackDepth > 0)
            _fallbacks.Add(1, model, provider);
        if (call.CountsForLatency)
            _latency.Record(call.LatencyMs / 1000.0, model, provider);
        if (call.CountsForTimeToFirstToken)
            _timeToFirstToken.Record(call.TimeToFirstTokenMs / 1000.0, model, provider);
        if (call.InputTokens > 0)
            _tokens.Add(call.InputTokens, model, provider, new("direction", "input"));
        if (call.OutputTokens > 0)
            _tokens.Add(call.OutputTokens, model, provider, new("direction", "output"));
        if (call.CostMicros > 0)
            _cost.Add(call.CostMicros / 1_000_000.0, model, provider, tier);
    }
}
