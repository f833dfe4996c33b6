using System.Diagnostics;
using System.Diagnostics.Metrics;
using Platform.Routing.Catalog;
using Platform.Routing.Concurrency;
using Platform.Routing.Events;
using Platform.Routing.Health;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Telemetry;

/// <summary>The gateway's Prometheus series (Meter "Platform.Routing"), per replica.</summary>
public sealed class RoutingInstruments
{
    public const string MeterName = "Platform.Routing";

    private static readonly double[] LatencyBucketsSeconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120];

    private readonly Counter<long> _calls;
    private readonly Counter<long> _attempts;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _rateLimitHits;
    private readonly Counter<long> _retryBudgetExhausted;
    private readonly Counter<long> _tokens;
    private readonly Counter<long> _cost;
    private readonly Histogram<double> _duration;

    public RoutingInstruments(IMeterFactory meterFactory, ModelCatalog catalog, AdaptiveLimiterRegistry limiters, ModelHealthBoard board)
    {
        var meter = meterFactory.Create(MeterName);
        _calls = meter.CreateCounter<long>("routing.calls", "{call}", "Completions by final model, status, tier and whether streamed.");
        _attempts = meter.CreateCounter<long>("routing.attempts", "{attempt}", "Upstream attempts (and refusals in front of them) by model and status.");
        _fallbacks = meter.CreateCounter<long>("routing.fallbacks", "{call}", "Completions served by a fallback model.");
        _rateLimitHits = meter.CreateCounter<long>("routing.rate_limit_hits", "{attempt}", "Attempts refused by a provider 429 (source=provider) or the gateway's own limits (source=gateway).");
        _retryBudgetExhausted = meter.CreateCounter<long>("routing.retry_budget.exhausted", "{retry}", "Retries not made because the global retry budget was used up.");
        _tokens = meter.CreateCounter<long>("routing.tokens", "{token}", "Tokens of successful completions by model and direction.");
        _cost = meter.CreateCounter<long>("routing.cost.micros", "{microdollar}", "Cost of successful completions in micro-USD.");
        _duration = meter.CreateHistogram<double>("routing.call.duration", "s", "Time in the gateway per completion.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsSeconds });
        meter.CreateObservableGauge("routing.concurrency.limit", () => PerModel(catalog, m => limiters.Find(m.Name)?.Limit), "{request}",
            "Current adaptive concurrency limit per model on this replica.");
        meter.CreateObservableGauge("routing.in_flight", () => PerModel(catalog, m => limiters.Find(m.Name)?.InFlight), "{request}",
            "Upstream requests in flight per model on this replica.");
        meter.CreateObservableGauge("routing.breaker.state", () => PerModel(catalog, m => (int)board.Get(m.Name).Breaker), "{state}",
            "Circuit breaker per model: 1 closed, 2 open, 3 half-open.");
    }

    public void Attempt(string model, AttemptStatus status) =>
        _attempts.Add(1, new KeyValuePair<string, object?>("model", model), new KeyValuePair<string, object?>("status", Name(status)));

    public void RateLimitHit(string model, bool byProvider) =>
        _rateLimitHits.Add(1, new KeyValuePair<string, object?>("model", model), new KeyValuePair<string, object?>("source", byProvider ? "provider" : "gateway"));

    public void RetryBudgetExhausted() => _retryBudgetExhausted.Add(1);

    public void Call(CallRecord call)
    {
        var tags = new TagList
        {
            { "model", call.Model },
            { "status", call.Status.ToString().ToLowerInvariant() },
            { "tier", call.Tier.ToString().ToLowerInvariant() },
            { "streamed", call.Streamed },
        };
        _calls.Add(1, tags);
        _duration.Record(call.LatencyMs / 1000.0, tags);
        if (call.FallbackDepth > 0 && call.Status == CallStatus.Ok)
            _fallbacks.Add(1, new KeyValuePair<string, object?>("model", call.Model));
        if (call.Status == CallStatus.Ok)
        {
            _tokens.Add(call.InputTokens, new KeyValuePair<string, object?>("model", call.Model), new KeyValuePair<string, object?>("direction", "input"));
            _tokens.Add(call.OutputTokens, new KeyValuePair<string, object?>("model", call.Model), new KeyValuePair<string, object?>("direction", "output"));
            _cost.Add(call.CostMicros, new KeyValuePair<string, object?>("model", call.Model));
        }
    }

    private static string Name(AttemptStatus status) => status switch
    {
        AttemptStatus.Ok => "ok",
        AttemptStatus.RateLimited => "rate_limited",
        AttemptStatus.ServerError => "server_error",
        AttemptStatus.Timeout => "timeout",
        AttemptStatus.ConnectionError => "connection_error",
        AttemptStatus.BreakerOpen => "breaker_open",
        AttemptStatus.BudgetDenied => "budget_denied",
        AttemptStatus.ClientError => "client_error",
        AttemptStatus.Cancelled => "cancelled",
        _ => "unknown",
    };

    private static IEnumerable<Measurement<int>> PerModel(ModelCatalog catalog, Func<ModelDefinition, int?> value)
    {
        foreach (var model in catalog.Current.Models)
        {
            if (value(model) is { } v)
                yield return new Measurement<int>(v, new KeyValuePair<string, object?>("model", model.Name));
        }
    }
}
