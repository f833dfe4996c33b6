using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Resilience;

/// <summary>FLUSHDB wipes a whole database, so it runs on a private server, never the shared one.</summary>
public sealed class AdminCommandTests : IAsyncLifetime
{
    private RedisServer _server = null!;

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Flushdb_with_allowAdmin_empties_only_the_configured_database()
    {
        await _server.CliAsync("-n", "0", "SET", "other-db", "kept");
        await using var connection = await RedisConnection.ConnectAsync(_server.ConnectionString + ",allowAdmin=true,defaultDatabase=1");
        var db = connection.GetDatabase();
        await db.StringSetAsync("a", "1");
        await db.StringSetAsync("b", "2");

        await db.FlushDatabaseAsync();

        Assert.Equal(0, await db.KeyExistsAsync(["a", "b"]));
        Assert.Equal("kept", await _server.CliAsync("-n", "0", "GET", "other-db"));
    }
}
