using Platform.Routing.Completions;

namespace Platform.Routing.Catalog;

/// <summary>The catalog's admin operations: upsert and delete with etags, persisted in PostgreSQL.</summary>
public sealed class CatalogAdmin(ModelCatalog catalog, CatalogStore? store, CatalogRefresher? refresher)
{
    public async Task<(ModelDefinition Model, bool Created)> UpsertAsync(ModelDefinition model, CancellationToken cancellationToken)
    {
        ModelValidation.Validate(model);
        var writer = RequireStore();
        var expectedEtag = model.Etag;
        var configured = catalog.FindConfigured(model.Name);
        var (stored, created) = await writer.WriteAsync(model.Name, (row, now) =>
        {
            var current = Current(row, configured);
            if (expectedEtag.Length > 0 && expectedEtag != current?.Etag)
                throw Stale(model.Name);
            if (current is not null && SameSpec(current, model))
                return (null, (current, false));
            var revision = (row?.Revision ?? 0) + 1;
            var createTime = current?.CreateTime ?? now;
            var saved = model with { CreateTime = createTime, UpdateTime = now, Etag = ModelEtags.ForRevision(revision) };
            return (new StoredModelRow(model.Name, saved, revision, createTime, now), (saved, current is null));
        }, cancellationToken);
        await RefreshAsync(cancellationToken);
        return (stored, created);
    }

    public async Task DeleteAsync(string name, string etag, bool allowMissing, CancellationToken cancellationToken)
    {
        ModelValidation.ValidateName(name);
        var writer = RequireStore();
        var configured = catalog.FindConfigured(name);
        await writer.WriteAsync(name, (row, now) =>
        {
            var current = Current(row, configured);
            if (current is null)
            {
                return allowMissing && etag.Length == 0
                    ? (null, true)
                    : throw RoutingException.NotFound(ErrorReasons.ModelNotFound, $"model '{name}' is not in the catalog");
            }
            if (etag.Length > 0 && etag != current.Etag)
                throw Stale(name);
            var revision = (row?.Revision ?? 0) + 1;
            return (new StoredModelRow(name, null, revision, current.CreateTime ?? now, now), true);
        }, cancellationToken);
        await RefreshAsync(cancellationToken);
    }

    public ModelDefinition Get(string name)
    {
        ModelValidation.ValidateName(name);
        return catalog.Current.Find(name) ?? throw RoutingException.NotFound(ErrorReasons.ModelNotFound, $"model '{name}' is not in the catalog");
    }

    private static ModelDefinition? Current(StoredModelRow? row, ModelDefinition? configured) =>
        row is null ? configured : row.Model;

    private static bool SameSpec(ModelDefinition a, ModelDefinition b) =>
        StoredModelSpec.Serialize(a) == StoredModelSpec.Serialize(b);

    private CatalogStore RequireStore() => store ?? throw RoutingException.FailedPrecondition(
        "CATALOG_READ_ONLY", "the catalog has no database (ConnectionStrings:platformdb is not configured); it is read-only");

    private static RoutingException Stale(string name) =>
        new(RoutingErrorKind.Aborted, "ETAG_MISMATCH", $"model '{name}' changed since the given etag was read; re-read and retry");

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (refresher is not null)
            await refresher.RefreshAsync(cancellationToken);
    }
}
