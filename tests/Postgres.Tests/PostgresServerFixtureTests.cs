using Npgsql;
using Platform.Testing.Postgres;

namespace Postgres.Tests;

/// <summary>The test fixture itself: fresh databases, and a stop/start that keeps port and data.</summary>
public sealed class PostgresServerFixtureTests
{
    [Fact]
    public async Task Each_created_database_is_empty_and_separate()
    {
        var server = await SharedPostgresServer.GetAsync();
        var first = await server.CreateDatabaseAsync();
        var second = await server.CreateDatabaseAsync();

        await ExecuteAsync(first, "CREATE TABLE only_in_first (id int)");

        Assert.NotEqual(first, second);
        Assert.Equal(1L, await ScalarAsync(first, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'"));
        Assert.Equal(0L, await ScalarAsync(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'"));
    }

    [Fact]
    public async Task A_restarted_server_keeps_its_port_and_data()
    {
        await using var server = await PostgresServer.StartNewAsync();
        var database = await server.CreateDatabaseAsync();
        await ExecuteAsync(database, "CREATE TABLE survivor (id int); INSERT INTO survivor VALUES (42)");
        var port = server.Port;

        await server.StopAsync();
        Assert.False(server.IsRunning);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ScalarAsync(database, "SELECT 1", pooling: false));

        await server.StartAsync();
        Assert.Equal(port, server.Port);
        Assert.Equal(42, await ScalarAsync(database, "SELECT id FROM survivor", pooling: false));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql, bool pooling = true)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = pooling };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
