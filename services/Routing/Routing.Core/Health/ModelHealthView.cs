using Platform.Routing.Catalog;

namespace Platform.Routing.Health;

/// <summary>A model's health as reported by GetModelHealth: the shared state plus this replica's adaptive limit and the catalog's limits.</summary>
public sealed record ModelHealthView(ModelDefinition Model, ModelHealthSnapshot Health, int ConcurrencyLimit);
