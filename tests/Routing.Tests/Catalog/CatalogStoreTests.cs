using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Postgres.Migrations;
using Platform.Postgres.Resilience;
using Platform.Routing.Catalog;
using Platform.Routing.Completions;
using Platform.Routing.Hosting;
using Platform.Routing.Vocabulary;
using Platform.Testing.Postgres;
using Microsoft.Extensions.Options;

namespace Platform.Routing.Tests.Catalog;

/// <summary>The catalog in PostgreSQL (schema routing, real server): overrides, tombstones, etags, and two replicas converging.</summary>
public sealed class CatalogStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private NpgsqlDataSource _dataSource = null!;

    private static readonly ModelDefinition Configured = new()
    {
        Name = "configured",
        Provider = "cfg",
        BaseUrl = "http://127.0.0.1:1/v1",
        ContextWindowTokens = 1000,
        Capabilities = [Capability.Chat],
    };

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var migrator = new PostgresMigrator(_dataSource, "routing", EmbeddedMigrations.Load(typeof(RoutingEngineExtensions).Assembly), NullLogger.Instance);
        await migrator.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    private (ModelCatalog Catalog, CatalogAdmin Admin, CatalogRefresher Refresher) Replica()
    {
        var catalog = new ModelCatalog([Configured with { Etag = ModelEtags.ForConfiguration(Configured) }]);
        var store = new CatalogStore(_dataSource, new PostgresResilience(Options.Create(new PostgresResilienceOptions()), NullLogger<PostgresResilience>.Instance));
        var refresher = new CatalogRefresher(catalog, store, TimeSpan.FromHours(1), NullLogger<CatalogRefresher>.Instance);
        return (catalog, new CatalogAdmin(catalog, store, refresher), refresher);
    }

    [Fact]
    public async Task A_stored_model_overrides_the_configured_one_and_a_tombstone_hides_it_on_every_replica()
    {
        var (catalogA, adminA, _) = Replica();
        var (catalogB, _, refresherB) = Replica();

        var (changed, created) = await adminA.UpsertAsync(Configured with { RpmLimit = 7, Etag = catalogA.Current.Find("configured")!.Etag }, CancellationToken.None);
        Assert.False(created);
        Assert.Equal("r1", changed.Etag);
        await refresherB.RefreshAsync(CancellationToken.None);
        Assert.Equal(7, catalogB.Current.Find("configured")!.RpmLimit);

        await adminA.DeleteAsync("configured", "", allowMissing: false, CancellationToken.None);
        await refresherB.RefreshAsync(CancellationToken.None);
        Assert.Null(catalogB.Current.Find("configured"));

        var (recreated, createdAgain) = await adminA.UpsertAsync(Configured, CancellationToken.None);
        Assert.True(createdAgain);
        Assert.Equal("r3", recreated.Etag);
    }

    [Fact]
    public async Task Concurrent_conditional_writes_with_one_etag_let_exactly_one_through()
    {
        var (catalog, admin, _) = Replica();
        var (model, _) = await admin.UpsertAsync(Configured with { Name = "contested", Weight = 1 }, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(2, 8).Select(async weight =>
        {
            try
            {
                await admin.UpsertAsync(model with { Weight = weight, Etag = model.Etag }, CancellationToken.None);
                return true;
            }
            catch (RoutingException e) when (e.Kind == RoutingErrorKind.Aborted)
            {
                return false;
            }
        }));

        Assert.Equal(1, results.Count(ok => ok));
        Assert.NotEqual(1, catalog.Current.Find("contested")!.Weight);
    }
}
