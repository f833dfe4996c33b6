namespace Platform.Routing.Catalog;

/// <summary>An immutable view of the catalog: configured models overlaid by stored ones, ordered by name.</summary>
public sealed class CatalogSnapshot
{
    private readonly Dictionary<string, ModelDefinition> _byName;

    public CatalogSnapshot(IEnumerable<ModelDefinition> models)
    {
        Models = models.OrderBy(m => m.Name, StringComparer.Ordinal).ToArray();
        _byName = Models.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    public static CatalogSnapshot Empty { get; } = new([]);

    public IReadOnlyList<ModelDefinition> Models { get; }

    public ModelDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Stored rows win over configuration; a tombstone removes the configured model.</summary>
    public static CatalogSnapshot Merge(IReadOnlyList<ModelDefinition> configured, IReadOnlyList<StoredModelRow> stored)
    {
        var models = configured.ToDictionary(m => m.Name, StringComparer.Ordinal);
        foreach (var row in stored)
        {
            if (row.Model is null)
                models.Remove(row.Name);
            else
                models[row.Name] = row.Model;
        }
        return new CatalogSnapshot(models.Values);
    }
}
