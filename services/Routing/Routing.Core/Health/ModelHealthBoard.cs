using System.Collections.Concurrent;

namespace Platform.Routing.Health;

/// <summary>
/// The last known health of every model, read by the router on every request without touching Redis.
/// The health monitor refreshes it every second; attempt outcomes on this replica update it at once, so a
/// breaker this replica just opened is respected before the next refresh.
/// </summary>
public sealed class ModelHealthBoard
{
    private readonly ConcurrentDictionary<string, ModelHealthSnapshot> _models = new(StringComparer.Ordinal);

    public ModelHealthSnapshot Get(string model) => _models.TryGetValue(model, out var snapshot) ? snapshot : ModelHealthSnapshot.Unknown(model);

    public void Set(ModelHealthSnapshot snapshot) => _models[snapshot.Model] = snapshot;

    public void Update(string model, Func<ModelHealthSnapshot, ModelHealthSnapshot> change) =>
        _models.AddOrUpdate(model, name => change(ModelHealthSnapshot.Unknown(name)), (_, current) => change(current));
}
