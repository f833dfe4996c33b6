using Platform.Routing.Catalog;
using Platform.Routing.Completions;
using Platform.Routing.Concurrency;
using Platform.Routing.Health;
using Platform.Routing.Requests;
using Platform.Routing.Resilience;
using Platform.Routing.Selection;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Tests.Selection;

/// <summary>Model selection: strategies, exclusions, tier cost policies and fallback chains (in memory, no I/O).</summary>
public sealed class RouterTests
{
    private static readonly ModelDefinition Cheap = Model("cheap", 100_000, QualityClass.Economy, [Capability.Streaming]);
    private static readonly ModelDefinition Balanced = Model("balanced", 2_000_000, QualityClass.Balanced, [Capability.Streaming], window: 1_000_000);
    private static readonly ModelDefinition Strong = Model("strong", 15_000_000, QualityClass.Strong, [Capability.Streaming, Capability.Code, Capability.Reasoning]);
    private static readonly ModelDefinition Coder = Model("coder", 400_000, QualityClass.Economy, [Capability.Code], tags: ["code"]);

    private readonly ModelHealthBoard _board = new();
    private readonly SelectionOptions _options = new();

    private static ModelDefinition Model(string name, long price, QualityClass quality, Capability[] capabilities, long window = 128_000, string[]? tags = null) => new()
    {
        Name = name,
        Provider = "p",
        BaseUrl = "http://127.0.0.1:1/v1",
        InputMicrosPerMTok = price,
        OutputMicrosPerMTok = price,
        ContextWindowTokens = window,
        QualityClass = quality,
        Capabilities = [Capability.Chat, .. capabilities],
        Tags = tags ?? [],
    };

    private Router Router(params ModelDefinition[] models) => new(
        new ModelCatalog(models.Length == 0 ? [Cheap, Balanced, Strong, Coder] : models),
        new CandidateFilter(_board, new AdaptiveLimiterRegistry(new AdaptiveConcurrencyOptions())),
        [new RoundRobinStrategy(), new WeightedStrategy(), new LeastLatencyStrategy(), new LeastBusyStrategy(), new CostStrategy(), new PolicyStrategy()],
        _options,
        TimeProvider.System);

    private static CompletionRequest Request(string text = "hello", string model = "", RoutingHints? hints = null, int? maxTokens = 100, bool stream = false) => new()
    {
        AgentId = "a",
        Messages = [new ChatMessage(ChatRole.User, text)],
        Model = model,
        Hints = hints ?? RoutingHints.None,
        MaxTokens = maxTokens,
        Stream = stream,
    };

    private static RouteDecision Route(Router router, CompletionRequest request, Tier tier = Tier.High, bool tight = false) =>
        router.Route(request, tier, TierPolicy.DefaultFor(tier), tight);

    [Fact]
    public void Cost_strategy_picks_the_cheapest_and_max_cost_excludes_dearer_models()
    {
        var decision = Route(Router(), Request(hints: new RoutingHints { Strategy = Strategy.Cost, MaxCostMicros = 500 }));

        Assert.Equal("cheap", decision.Selected!.Name);
        Assert.Equal(Strategy.Cost, decision.Strategy);
        Assert.Contains(ExclusionReason.OverMaxCost, decision.Candidates.Single(c => c.Model.Name == "strong").Exclusions);
        Assert.Equal(["cheap", "coder", "balanced"], decision.Chain.Select(m => m.Name));
    }

    [Fact]
    public void Policy_routes_by_task_type()
    {
        var router = Router();
        Assert.Equal("cheap", Route(router, Request("Classify this ticket as refund or not")).Selected!.Name);
        Assert.Equal("strong", Route(router, Request("Why does this distributed protocol deadlock? Explain step by step.")).Selected!.Name);
        Assert.Equal("coder", Route(router, Request("```python\ndef f(): pass\n``` refactor this")).Selected!.Name);
        Assert.Equal("balanced", Route(router, Request("Write a short blog post about our new product launch and its pricing")).Selected!.Name);
    }

    [Fact]
    public void Policy_gives_premium_users_stronger_models_and_latency_sensitive_callers_the_fastest()
    {
        var router = Router(Cheap, Balanced, Strong);
        Assert.Equal("cheap", Route(router, Request("Tell me something nice")).Selected!.Name);
        var premium = Route(router, Request("Tell me something nice", hints: new RoutingHints { UserTier = UserTier.Premium }));
        Assert.Equal("balanced", premium.Selected!.Name);
        var hard = Route(router, Request("Tell me something nice", hints: new RoutingHints { UserTier = UserTier.Premium, Complexity = Complexity.High }));
        Assert.Equal("strong", hard.Selected!.Name);

        _board.Set(new ModelHealthSnapshot { Model = "balanced", P50LatencyMs = 3_000, RequestCount = 100 });
        _board.Set(new ModelHealthSnapshot { Model = "strong", P50LatencyMs = 2_500, RequestCount = 100 });
        _board.Set(new ModelHealthSnapshot { Model = "cheap", P50LatencyMs = 100, RequestCount = 100 });
        var hurried = Route(router, Request("Tell me something nice", hints: new RoutingHints { LatencySensitivity = LatencySensitivity.High }));
        Assert.Equal("cheap", hurried.Selected!.Name);
    }

    [Fact]
    public void Low_tier_gets_only_economy_models_and_medium_falls_back_to_cheaper_models_first()
    {
        var router = Router();
        var low = Route(router, Request("Explain why the sky is blue, step by step"), Tier.Low);
        Assert.All(low.Chain, m => Assert.Equal(QualityClass.Economy, m.QualityClass));
        Assert.Contains(ExclusionReason.TierPolicy, low.Candidates.Single(c => c.Model.Name == "strong").Exclusions);

        var medium = Route(router, Request("hello", model: "strong"), Tier.Medium);
        Assert.Equal("strong", medium.Chain[0].Name);
        Assert.Equal(["cheap", "coder", "balanced"], medium.Chain.Skip(1).Select(m => m.Name));
    }

    [Fact]
    public void A_named_model_comes_first_and_the_configured_chain_follows()
    {
        _options.FallbackChains["strong"] = ["balanced", "cheap"];
        var decision = Route(Router(), Request(model: "strong"));
        Assert.Equal(["strong", "balanced", "cheap", "coder"], decision.Chain.Select(m => m.Name));
        Assert.Equal(Strategy.Unspecified, decision.Strategy);

        var hinted = Route(Router(), Request(model: "strong", hints: new RoutingHints { FallbackModels = ["coder"] }));
        Assert.Equal(["strong", "coder"], hinted.Chain.Select(m => m.Name));

        var alone = Route(Router(), Request(model: "strong", hints: new RoutingHints { DisableFallback = true }));
        Assert.Equal(["strong"], alone.Chain.Select(m => m.Name));
    }

    [Fact]
    public void A_named_model_with_an_open_breaker_is_skipped_for_its_fallbacks()
    {
        _board.Set(new ModelHealthSnapshot { Model = "strong", Breaker = BreakerState.Open, OpenUntil = DateTime.UtcNow.AddMinutes(1) });
        var decision = Route(Router(), Request(model: "strong"));
        Assert.NotEqual("strong", decision.Chain[0].Name);
        Assert.Equal(1, decision.FirstDepth);
        Assert.Contains(ExclusionReason.BreakerOpen, decision.Candidates.Single(c => c.Model.Name == "strong").Exclusions);
    }

    [Fact]
    public void A_prompt_too_large_for_a_window_goes_to_a_larger_window_or_is_PROMPT_TOO_LARGE()
    {
        var big = new string('x', 4 * 200_000);
        var decision = Route(Router(), Request(big, model: "cheap"));
        Assert.Equal("balanced", decision.Chain[0].Name);

        var huge = Route(Router(), Request(new string('x', 4 * 2_000_000)));
        Assert.Empty(huge.Chain);
        var error = NoEligibleModel.Describe(huge, Request(new string('x', 4 * 2_000_000)), DateTime.UtcNow);
        Assert.Equal(ErrorReasons.PromptTooLarge, error.Reason);
    }

    [Fact]
    public void Unknown_and_disabled_named_models_and_oversized_max_tokens_are_errors()
    {
        var router = Router(Cheap, Strong with { Enabled = false });
        Assert.Equal(ErrorReasons.ModelNotFound, Assert.Throws<RoutingException>(() => Route(router, Request(model: "nope"))).Reason);
        Assert.Equal(ErrorReasons.ModelDisabled, Assert.Throws<RoutingException>(() => Route(router, Request(model: "strong"))).Reason);
        Assert.Equal(RoutingErrorKind.InvalidArgument, Assert.Throws<RoutingException>(() => Route(router, Request(model: "cheap", maxTokens: 200_000))).Kind);
    }

    [Fact]
    public void Streaming_requests_and_required_capabilities_and_tags_filter_candidates()
    {
        var router = Router();
        Assert.DoesNotContain(Route(router, Request(stream: true)).Chain, m => m.Name == "coder");
        var tagged = Route(router, Request(hints: new RoutingHints { RequiredTags = ["code"] }));
        Assert.Equal(["coder"], tagged.Chain.Select(m => m.Name));
        var capable = Route(router, Request(hints: new RoutingHints { RequiredCapabilities = [Capability.Reasoning] }));
        Assert.Equal(["strong"], capable.Chain.Select(m => m.Name));
    }

    [Fact]
    public void Round_robin_rotates_least_latency_prefers_fast_models_least_busy_prefers_idle_ones()
    {
        var router = Router(Cheap, Balanced, Strong);
        var picks = Enumerable.Range(0, 6).Select(_ => Route(router, Request(hints: new RoutingHints { Strategy = Strategy.RoundRobin })).Selected!.Name).ToList();
        Assert.Equal(3, picks.Distinct().Count());
        Assert.Equal(picks.Take(3), picks.Skip(3));

        _board.Set(new ModelHealthSnapshot { Model = "cheap", P50LatencyMs = 900, RequestCount = 10 });
        _board.Set(new ModelHealthSnapshot { Model = "balanced", P50LatencyMs = 120, RequestCount = 10 });
        _board.Set(new ModelHealthSnapshot { Model = "strong", P50LatencyMs = 400, RequestCount = 10 });
        Assert.Equal("balanced", Route(router, Request(hints: new RoutingHints { Strategy = Strategy.LeastLatency })).Selected!.Name);

        var weighted = Enumerable.Range(0, 200).Select(_ => Route(router, Request(hints: new RoutingHints { Strategy = Strategy.Weighted })).Selected!.Name).Distinct();
        Assert.Equal(3, weighted.Count());
    }

    [Fact]
    public void Least_busy_prefers_the_model_with_the_most_free_capacity()
    {
        var limiters = new AdaptiveLimiterRegistry(new AdaptiveConcurrencyOptions { InitialLimit = 10 });
        var router = new Router(new ModelCatalog([Cheap, Balanced]), new CandidateFilter(_board, limiters), [new LeastBusyStrategy(), new PolicyStrategy()], _options, TimeProvider.System);
        for (var i = 0; i < 5; i++)
            Assert.True(limiters.For(Cheap).TryAcquire());
        Assert.Equal("balanced", router.Route(Request(hints: new RoutingHints { Strategy = Strategy.LeastBusy }), Tier.High, TierPolicy.DefaultFor(Tier.High), false).Selected!.Name);
    }
}
