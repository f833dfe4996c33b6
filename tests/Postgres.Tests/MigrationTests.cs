using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Postgres.Migrations;
using Platform.Testing.Postgres;

namespace Postgres.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Three_replicas_starting_together_apply_each_migration_exactly_once()
    {
        var database = await (await SharedPostgresServer.GetAsync()).CreateDatabaseAsync();
        var replicas = Enumerable.Range(0, 3).Select(_ => TestHosts.CreateMigrating(database, "budget")).ToList();
        try
        {
            await Task.WhenAll(replicas.Select(replica => replica.StartAsync()));

            Assert.Equal(
                "1:create_migration_runs,2:create_ledger",
                await Sql.ScalarAsync<string>(database,
                    "SELECT string_agg(version || ':' || name, ',' ORDER BY version) FROM budget.schema_migrations"));
            Assert.Equal(
                "0001,0002",
                await Sql.ScalarAsync<string>(database, "SELECT string_agg(script, ',' ORDER BY id) FROM budget.migration_runs"));
            Assert.Equal(0L, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM budget.ledger"));
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.StopAsync();
                replica.Dispose();
            }
        }
    }

    [Fact]
    public async Task Of_three_concurrent_migrators_exactly_one_applies_and_the_others_find_it_done()
    {
        var database = await (await SharedPostgresServer.GetAsync()).CreateDatabaseAsync();
        var migrations = EmbeddedMigrations.Load(typeof(MigrationTests).Assembly);
        var dataSources = Enumerable.Range(0, 3).Select(_ => NpgsqlDataSource.Create(database)).ToList();
        try
        {
            var applied = await Task.WhenAll(dataSources.Select(dataSource =>
                new PostgresMigrator(dataSource, "metrics", migrations, NullLogger.Instance).MigrateAsync()));

            Assert.Equal([0, 0, 2], applied.Select(a => a.Count).Order());
        }
        finally
        {
            foreach (var dataSource in dataSources)
            {
                await dataSource.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_restart_applies_nothing_again()
    {
        var database = await (await SharedPostgresServer.GetAsync()).CreateDatabaseAsync();
        for (var start = 0; start < 2; start++)
        {
            using var host = TestHosts.CreateMigrating(database, "routing");
            await host.StartAsync();
            await host.StopAsync();
        }

        Assert.Equal(2L, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM routing.migration_runs"));
    }

    [Fact]
    public async Task An_edited_applied_migration_fails_start_up_and_names_the_script()
    {
        var database = await (await SharedPostgresServer.GetAsync()).CreateDatabaseAsync();
        using (var original = TestHosts.CreateMigrating(database, "agents"))
        {
            await original.StartAsync();
            await original.StopAsync();
        }

        using var edited = TestHosts.CreateMigrating(database, "agents", folder: "ChangedMigrations");
        var failure = await Assert.ThrowsAsync<MigrationChecksumMismatchException>(() => edited.StartAsync());

        Assert.Equal(1, failure.Version);
        Assert.Contains("agents/0001_create_migration_runs", failure.Message);
        Assert.Equal(2L, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM agents.migration_runs"));
    }

    [Fact]
    public async Task Schemas_are_migrated_independently()
    {
        var database = await (await SharedPostgresServer.GetAsync()).CreateDatabaseAsync();
        using var host = TestHosts.Create(database, builder => builder.Services
            .AddPostgresMigrations("budget", typeof(MigrationTests).Assembly)
            .AddPostgresMigrations("metrics", typeof(MigrationTests).Assembly));

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(2L, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM budget.schema_migrations"));
        Assert.Equal(2L, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM metrics.schema_migrations"));
    }

    [Fact]
    public void Embedded_scripts_are_found_by_folder_and_ordered_by_version()
    {
        var migrations = EmbeddedMigrations.Load(typeof(MigrationTests).Assembly);

        Assert.Equal(["0001_create_migration_runs", "0002_create_ledger"], migrations.Select(m => m.ToString()));
        Assert.Single(EmbeddedMigrations.Load(typeof(MigrationTests).Assembly, "ChangedMigrations"));
        Assert.Throws<InvalidOperationException>(() => EmbeddedMigrations.Load(typeof(MigrationTests).Assembly, "Missing"));
    }

    [Fact]
    public void A_checksum_ignores_line_endings_but_not_content()
    {
        var unix = new Migration(1, "x", "CREATE TABLE t (id int);\nSELECT 1;\n");
        var windows = new Migration(1, "x", "CREATE TABLE t (id int);\r\nSELECT 1;\r\n");
        var edited = new Migration(1, "x", "CREATE TABLE t (id bigint);\nSELECT 1;\n");

        Assert.Equal(unix.Checksum, windows.Checksum);
        Assert.NotEqual(unix.Checksum, edited.Checksum);
    }
}
