using System.Collections.Concurrent;
using Platform.Routing.Catalog;

namespace Platform.Routing.Concurrency;

/// <summary>One adaptive limiter per model on this replica, following catalog changes of max_concurrency.</summary>
public sealed class AdaptiveLimiterRegistry(AdaptiveConcurrencyOptions options)
{
    private readonly ConcurrentDictionary<string, AdaptiveLimiter> _limiters = new(StringComparer.Ordinal);

    public AdaptiveLimiter For(ModelDefinition model)
    {
        var max = MaxFor(model);
        var limiter = _limiters.GetOrAdd(model.Name, static (_, state) => new AdaptiveLimiter(state.options, state.max), (options, max));
        if (limiter.MaxLimit != max)
            limiter.ChangeMaxLimit(max);
        return limiter;
    }

    public AdaptiveLimiter? Find(string model) => _limiters.GetValueOrDefault(model);

    private int MaxFor(ModelDefinition model) => model.MaxConcurrency > 0 ? model.MaxConcurrency : options.MaxLimit;
}
