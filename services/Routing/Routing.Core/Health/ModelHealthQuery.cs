using Platform.Routing.Catalog;
using Platform.Routing.Completions;
using Platform.Routing.Concurrency;
using Platform.Routing.Limits;

namespace Platform.Routing.Health;

/// <summary>Reads models' health fresh from Redis for the health RPCs (and refreshes the board with it).</summary>
public sealed class ModelHealthQuery(ModelCatalog catalog, SharedLimits limits, ModelHealthBoard board, AdaptiveLimiterRegistry limiters)
{
    public async Task<ModelHealthView> GetAsync(string name, CancellationToken cancellationToken)
    {
        ModelValidation.ValidateName(name);
        var model = catalog.Current.Find(name) ?? throw RoutingException.NotFound(ErrorReasons.ModelNotFound, $"model '{name}' is not in the catalog");
        return await ReadAsync(model, cancellationToken);
    }

    public async Task<IReadOnlyList<ModelHealthView>> ListAsync(IReadOnlyList<ModelDefinition> models, CancellationToken cancellationToken) =>
        await Task.WhenAll(models.Select(model => ReadAsync(model, cancellationToken)));

    private async Task<ModelHealthView> ReadAsync(ModelDefinition model, CancellationToken cancellationToken)
    {
        var health = await limits.ReadHealthAsync(model.Name, cancellationToken);
        board.Set(health);
        return new ModelHealthView(model, health, limiters.For(model).Limit);
    }
}
