using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Resilience;

public sealed class TimeoutTests : IAsyncLifetime
{
    private RedisServer _server = null!;

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_command_against_a_paused_server_times_out_and_the_connection_stays_usable()
    {
        await using var connection = await RedisConnection.ConnectAsync(_server.ConnectionString + ",syncTimeout=300");
        var db = connection.GetDatabase();
        await db.StringSetAsync("k", "before");

        await _server.CliAsync("CLIENT", "PAUSE", "5000", "ALL");
        var error = await Assert.ThrowsAsync<RedisTimeoutException>(async () => await db.StringGetAsync("k"));
        Assert.Contains("GET", error.Message);
        Assert.IsAssignableFrom<TimeoutException>(error);

        // Once the pause ends the late GET reply is discarded; replies stay matched to their commands.
        await Eventually.SucceedsAsync(async () => await db.PingAsync());
        await db.StringSetAsync("k", "after");
        Assert.Equal("after", (string?)await db.StringGetAsync("k"));
        Assert.Equal(1, await db.StringIncrementAsync("counter"));
    }

    [Fact]
    public async Task Cancelling_a_command_awaiting_its_reply_throws_at_once_and_keeps_replies_in_step()
    {
        await using var connection = await RedisConnection.ConnectAsync(_server.ConnectionString + ",syncTimeout=20000");
        var db = connection.GetDatabase();

        await _server.CliAsync("CLIENT", "PAUSE", "5000", "ALL");
        using var cancellation = new CancellationTokenSource();
        var increment = db.StringIncrementAsync("c", 1, cancellation.Token).AsTask();
        var next = db.StringIncrementAsync("c", 10).AsTask();
        await Task.Delay(100);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => increment);
        // The cancelled INCR had already been written, so it still ran: documented behaviour.
        Assert.Equal(11, await next);
        Assert.Equal("11", (string?)await db.StringGetAsync("c"));
    }

    [Fact]
    public async Task With_abortConnect_false_commands_time_out_while_the_server_is_down_then_work_once_it_is_up()
    {
        await _server.KillAsync();
        await using var connection = await RedisConnection.ConnectAsync(_server.ConnectionString + ",abortConnect=false,syncTimeout=300,connectTimeout=1000");
        var db = connection.GetDatabase();
        Assert.False(connection.IsConnected);

        var error = await Assert.ThrowsAsync<RedisTimeoutException>(async () => await db.PingAsync());
        Assert.Contains("not connected", error.Message);

        await _server.RestartAsync();
        await Eventually.SucceedsAsync(async () => await db.PingAsync());
        Assert.True(connection.IsConnected);
    }

    [Fact]
    public async Task With_abortConnect_true_an_unreachable_server_fails_ConnectAsync()
    {
        await _server.KillAsync();

        var error = await Assert.ThrowsAsync<RedisConnectionException>(
            () => RedisConnection.ConnectAsync(_server.ConnectionString + ",connectRetry=2,connectTimeout=1000"));
        Assert.Contains($"127.0.0.1:{_server.Port}", error.Message);
    }
}
