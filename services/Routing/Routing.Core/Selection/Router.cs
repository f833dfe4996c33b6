using Platform.Routing.Catalog;
using Platform.Routing.Completions;
using Platform.Routing.Requests;
using Platform.Routing.Resilience;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Selection;

/// <summary>
/// Chooses the model chain for a request: filters the catalog, scores the eligible models with the
/// request's strategy, picks the primary (the named model if it can serve, else the best), then appends
/// the fallback chain. Reads only in-memory state, so routing costs no I/O.
/// </summary>
public sealed class Router(ModelCatalog catalog, CandidateFilter filter, IEnumerable<IRoutingStrategy> strategies, SelectionOptions options, TimeProvider time)
{
    private readonly Dictionary<Strategy, IRoutingStrategy> _strategies = strategies.ToDictionary(s => s.Kind);

    public RouteDecision Route(CompletionRequest request, Tier tier, TierPolicy policy, bool budgetTight)
    {
        var snapshot = catalog.Current;
        var named = NamedModel(request, snapshot);
        var prompt = PromptAnalyzer.Analyze(request.Messages, request.Hints);
        var strategyKind = request.Hints.Strategy == Strategy.Unspecified ? options.DefaultStrategy : request.Hints.Strategy;
        var strategy = _strategies.GetValueOrDefault(strategyKind) ?? _strategies[Strategy.Policy];
        var context = new RoutingContext(request, prompt, tier, budgetTight);

        var costPolicy = policy.EffectiveCostPolicy(tier);
        var evaluations = filter.Evaluate(snapshot.Models, request, prompt, costPolicy, time.GetUtcNow().UtcDateTime);
        var scored = strategy.Score(evaluations.Where(e => e.Eligible).ToList(), context)
            .OrderByDescending(e => e.Score).ThenBy(e => e.Model.Name, StringComparer.Ordinal).ToList();

        var (chain, firstDepth) = BuildChain(request, costPolicy == ModelCostPolicy.CheaperOnFallback || budgetTight, named, scored);
        var positions = chain.Select((model, index) => (model.Name, index)).ToDictionary(p => p.Name, p => p.index, StringComparer.Ordinal);
        var candidates = scored
            .Select(e => e with { Selected = chain.Count > 0 && e.Model.Name == chain[0].Name, FallbackPosition = positions.GetValueOrDefault(e.Model.Name, -1) })
            .Concat(evaluations.Where(e => !e.Eligible))
            .ToList();

        return new RouteDecision
        {
            Chain = chain,
            Candidates = candidates,
            Strategy = named is null ? strategy.Kind : Strategy.Unspecified,
            Prompt = prompt,
            Tier = tier,
            MaxTokens = request.RequestedMaxTokens,
            FirstDepth = firstDepth,
        };
    }

    /// <summary>A named model must exist and be enabled, and its window must be able to hold max_tokens at all.</summary>
    private static ModelDefinition? NamedModel(CompletionRequest request, CatalogSnapshot snapshot)
    {
        if (request.Model.Length == 0)
            return null;
        var model = snapshot.Find(request.Model)
            ?? throw RoutingException.NotFound(ErrorReasons.ModelNotFound, $"model '{request.Model}' is not in the catalog");
        if (!model.Enabled)
            throw RoutingException.FailedPrecondition(ErrorReasons.ModelDisabled, $"model '{model.Name}' is disabled");
        if (request.MaxTokens is { } maxTokens && maxTokens >= model.ContextWindowTokens)
            throw new RoutingException(RoutingErrorKind.InvalidArgument, ErrorReasons.InvalidArgument,
                $"max_tokens {maxTokens} does not fit model '{model.Name}' (context window {model.ContextWindowTokens} tokens)") { Parameter = "max_tokens" };
        return model;
    }

    private (List<ModelDefinition> Chain, int FirstDepth) BuildChain(
        CompletionRequest request, bool cheaperFallbacks, ModelDefinition? named, List<CandidateEvaluation> scored)
    {
        var eligible = scored.ToDictionary(e => e.Model.Name, StringComparer.Ordinal);
        var chain = new List<ModelDefinition>();
        var firstDepth = 0;
        ModelDefinition? primary;
        if (named is not null)
        {
            primary = eligible.ContainsKey(named.Name) ? named : null;
            firstDepth = primary is null ? 1 : 0;
        }
        else
        {
            primary = scored.Count > 0 ? scored[0].Model : null;
        }

        if (primary is not null)
            chain.Add(primary);
        if (request.Hints.DisableFallback)
            return (chain, firstDepth);

        var anchor = named ?? primary;
        foreach (var name in FallbackNames(request, anchor, scored))
        {
            if (chain.Count >= options.MaxChainLength)
                break;
            if (eligible.TryGetValue(name, out var candidate) && !chain.Contains(candidate.Model))
                chain.Add(candidate.Model);
        }

        // CHEAPER_ON_FALLBACK tiers (MEDIUM by default), and agents short of budget, fall back to cheaper models first.
        if (cheaperFallbacks && chain.Count > 2)
        {
            var head = chain[0];
            var costs = scored.ToDictionary(e => e.Model.Name, e => e.EstimatedCostMicros, StringComparer.Ordinal);
            var rest = chain.Skip(1).OrderBy(m => costs[m.Name]).ToList();
            chain = [head, .. rest];
        }
        return (chain, firstDepth);
    }

    private IEnumerable<string> FallbackNames(CompletionRequest request, ModelDefinition? anchor, List<CandidateEvaluation> scored)
    {
        if (request.Hints.FallbackModels.Count > 0)
            return request.Hints.FallbackModels;
        IEnumerable<string> configured = anchor is not null && options.FallbackChains.TryGetValue(anchor.Name, out var chain) ? chain : [];
        return options.ExtendChainsWithEligible ? configured.Concat(scored.Select(e => e.Model.Name)) : configured;
    }
}
