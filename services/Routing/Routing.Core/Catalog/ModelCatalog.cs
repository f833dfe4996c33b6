namespace Platform.Routing.Catalog;

/// <summary>
/// The catalog this replica routes with: configuration overlaid by the stored models, swapped atomically
/// whenever the store is re-read (every few seconds, and right after a local write).
/// </summary>
public sealed class ModelCatalog
{
    private volatile CatalogSnapshot _current;

    public ModelCatalog(IReadOnlyList<ModelDefinition> configured)
    {
        Configured = configured;
        _current = CatalogSnapshot.Merge(configured, []);
    }

    /// <summary>Models from configuration, before any stored override.</summary>
    public IReadOnlyList<ModelDefinition> Configured { get; }

    public CatalogSnapshot Current => _current;

    public event Action<CatalogSnapshot>? Changed;

    public ModelDefinition? FindConfigured(string name) => Configured.FirstOrDefault(m => m.Name == name);

    public void Apply(IReadOnlyList<StoredModelRow> stored)
    {
        _current = CatalogSnapshot.Merge(Configured, stored);
        Changed?.Invoke(_current);
    }
}
