using Xunit;

namespace Platform.Testing.Postgres;

/// <summary>
/// A fresh, empty database on the shared server for one test class:
/// <c>public class LedgerTests(PostgresDatabaseFixture db) : IClassFixture&lt;PostgresDatabaseFixture&gt;</c>.
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private string? _connectionString;

    public PostgresServer Server { get; private set; } = null!;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    public async Task InitializeAsync()
    {
        Server = await SharedPostgresServer.GetAsync();
        _connectionString = await Server.CreateDatabaseAsync();
    }

    // The database dies with the shared server's temp folder at the end of the run.
    public Task DisposeAsync() => Task.CompletedTask;
}
