using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Resilience;

public sealed class HalfOpenConnectionTests : IAsyncLifetime
{
    private RedisServer _server = null!;

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.SignalAsync(freeze: false);
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_connection_that_goes_silent_is_replaced_and_commands_work_once_the_server_answers_again()
    {
        await using var connection = await RedisConnection.ConnectAsync(_server.ConnectionString + ",syncTimeout=300");
        var db = connection.GetDatabase();
        await db.StringSetAsync("k", "v");
        var firstConnection = connection.SharedConnectionWriteStatistics;

        await _server.SignalAsync(freeze: true);
        await Assert.ThrowsAsync<RedisTimeoutException>(async () => await db.StringGetAsync("k"));

        // Nothing arrives for the stall limit (3 s minimum) past the timeout: the connection is dropped.
        await Eventually.SucceedsAsync(() => Task.FromResult(
            connection.SharedConnectionWriteStatistics != firstConnection ? 0 : throw new TimeoutException()));

        await _server.SignalAsync(freeze: false);
        Assert.Equal("v", (string?)await Eventually.SucceedsAsync(async () => await db.StringGetAsync("k")));
    }
}
