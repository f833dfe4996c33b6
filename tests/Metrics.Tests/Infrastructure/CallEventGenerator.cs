using Google.Protobuf.WellKnownTypes;
using Platform.Common.V1;
using Platform.Metrics.V1;
using Platform.Routing.V1;

namespace Platform.Metrics.Tests.Infrastructure;

/// <summary>A model of the catalog: name, provider and list prices (micro-dollars per million tokens).</summary>
public sealed record ModelSpec(string Name, string Provider, long InputPrice, long OutputPrice)
{
    /// <summary>protos/README.md: ceil((input * input_price + output * output_price) / 1e6).</summary>
    public long CostOf(long inputTokens, long outputTokens) =>
        (long)Math.Ceiling((inputTokens * (decimal)InputPrice + outputTokens * (decimal)OutputPrice) / 1_000_000m);
}

public sealed record AgentSpec(string Id, string Team, Tier Tier);

/// <summary>
/// Plausible call events, reproducible from a seed: the PRODUCT.md fleet and price list, mostly OK
/// calls with a tail of failures, log-normal latencies, some streamed, some fallbacks.
/// </summary>
public sealed class CallEventGenerator
{
    public static readonly ModelSpec[] Models =
    [
        new("deepseek-v3.2", "deepseek", 420_000, 2_700_000),
        new("gemini-2.5-flash", "google", 2_500_000, 10_000_000),
        new("gpt-4.1", "openai", 8_000_000, 8_000_000),
        new("claude-sonnet-4.5", "anthropic", 15_000_000, 15_000_000),
        new("gpt-4o-mini", "openai", 1_000_000, 4_000_000),
    ];

    public static readonly AgentSpec[] FieldAgents =
    [
        new("order_processing", "commerce", Tier.Critical),
        new("payment_verification", "commerce", Tier.Critical),
        new("customer_support", "support", Tier.High),
        new("product_search", "commerce", Tier.High),
        new("analytics", "data", Tier.Medium),
        new("logger", "", Tier.Low),
    ];

    private readonly Random _random;
    private readonly string _idPrefix;
    private readonly DateTime _start;
    private readonly long _spanTicks;

    /// <param name="start">Events are spread over [start, start + span).</param>
    public CallEventGenerator(int seed, string idPrefix, DateTime start, TimeSpan span, int extraAgents = 0)
    {
        _random = new Random(seed);
        _idPrefix = idPrefix;
        _start = start;
        _spanTicks = span.Ticks;
        Agents = FieldAgents.Concat(Enumerable.Range(0, extraAgents).Select(i =>
            new AgentSpec($"agent-{i:D4}", $"team-{i % 10}", (Tier)(1 + i % 4)))).ToArray();
    }

    public IReadOnlyList<AgentSpec> Agents { get; }

    public IEnumerable<CallEvent> Generate(int count)
    {
        for (var i = 0; i < count; i++)
            yield return Next(i, count);
    }

    private CallEvent Next(int index, int count)
    {
        var agent = Agents[_random.Next(Agents.Count)];
        var model = Models[_random.Next(Models.Length)];
        var status = NextStatus();
        var time = _start.AddTicks(_spanTicks / count * index + _random.NextInt64(Math.Max(1, _spanTicks / count)));
        var call = new CallEvent
        {
            EventId = $"{_idPrefix}-{index}",
            EventTime = Timestamp.FromDateTime(time),
            Model = status == CallStatus.BudgetDenied && _random.Next(2) == 0 ? "" : model.Name,
            Provider = model.Provider,
            AgentId = agent.Id,
            Team = agent.Team,
            Tier = agent.Tier,
            Status = status,
            Strategy = Strategy.Cost,
            Source = "test",
            RequestId = $"req-{index}",
        };
        if (call.Model.Length == 0)
            call.Provider = "";

        if (status is CallStatus.Ok or CallStatus.Error or CallStatus.Timeout or CallStatus.RateLimited or CallStatus.Cancelled)
            call.LatencyMs = NextLatency(status);
        if (status == CallStatus.Ok)
        {
            call.InputTokens = _random.Next(50, 4000);
            call.OutputTokens = _random.Next(5, 1200);
            call.CostMicros = model.CostOf(call.InputTokens, call.OutputTokens);
            call.Streamed = _random.Next(2) == 0;
            if (call.Streamed)
                call.TimeToFirstTokenMs = Math.Max(1, call.LatencyMs / (2 + _random.Next(6)));
            var fallback = _random.Next(100);
            call.FallbackDepth = fallback < 8 ? 1 : fallback < 10 ? 2 : 0;
            call.AttemptCount = call.FallbackDepth + 1;
        }

        return call;
    }

    private CallStatus NextStatus() => _random.Next(100) switch
    {
        < 84 => CallStatus.Ok,
        < 90 => CallStatus.RateLimited,
        < 94 => CallStatus.Error,
        < 96 => CallStatus.Timeout,
        < 98 => CallStatus.BudgetDenied,
        _ => CallStatus.Cancelled,
    };

    // Log-normal around ~700 ms with a long tail, plus a few very fast cache-like answers.
    private long NextLatency(CallStatus status)
    {
        if (status == CallStatus.Ok && _random.Next(50) == 0)
            return _random.Next(0, 32);
        var normal = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
        return (long)Math.Round(Math.Exp(6.5 + 0.8 * normal));
    }
}
