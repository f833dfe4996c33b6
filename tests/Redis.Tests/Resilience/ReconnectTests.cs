using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Resilience;

public sealed class ReconnectTests : IAsyncLifetime
{
    private RedisServer _server = null!;

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync(new RedisServerOptions { Password = "pa55word" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Killed_mid_run_and_restarted_on_the_same_port_the_client_reconnects_and_later_commands_succeed()
    {
        await using var connection = await RedisConnection.ConnectAsync(_server.ConnectionString + ",syncTimeout=10000,defaultDatabase=2");
        var db = connection.GetDatabase();
        using var stop = new CancellationTokenSource();
        var failures = new List<Exception>();
        var successes = 0;

        var load = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested && i < 100_000; i++)
            {
                try
                {
                    await db.StringSetAsync($"w{worker}", i);
                    var read = await db.StringGetAsync($"w{worker}");

                    // Null only if the SET reached the killed server and the GET the fresh, empty one.
                    Assert.True(read.IsNull || (long)read == i, $"worker {worker} wrote {i} but read {read}");
                    Interlocked.Increment(ref successes);
                }
                catch (Exception error) when (error is RedisConnectionException or RedisTimeoutException)
                {
                    lock (failures)
                    {
                        failures.Add(error);
                    }
                }
            }
        })).ToList();

        await Eventually.SucceedsAsync(() => Task.FromResult(Volatile.Read(ref successes) > 100 ? 0 : throw new TimeoutException()));
        await _server.KillAsync();
        await Task.Delay(300);
        await _server.RestartAsync();

        var before = Volatile.Read(ref successes);
        await Eventually.SucceedsAsync(() => Task.FromResult(Volatile.Read(ref successes) > before + 100 ? 0 : throw new TimeoutException()));
        stop.Cancel();
        await Task.WhenAll(load);

        Assert.True(connection.IsConnected);
        Assert.All(failures, error => Assert.True(error is RedisConnectionException or RedisTimeoutException));

        // AUTH and SELECT were replayed on the new connection: the key lands in database 2 of the new server.
        await db.StringSetAsync("after-restart", "yes");
        Assert.Equal("yes", await _server.CliAsync("-n", "2", "GET", "after-restart"));
    }

    [Fact]
    public async Task A_command_in_flight_when_the_connection_dies_fails_with_RedisConnectionException()
    {
        await using var connection = await RedisConnection.ConnectAsync(_server.ConnectionString + ",syncTimeout=30000");
        var db = connection.GetDatabase();
        await db.StringSetAsync("k", "v");

        await _server.CliAsync("CLIENT", "PAUSE", "20000", "ALL");
        var stuck = db.StringGetAsync("k").AsTask();
        await Task.Delay(200);
        await _server.KillAsync();

        await Assert.ThrowsAsync<RedisConnectionException>(() => stuck);

        // A command issued while the server is down waits for the reconnection instead of failing.
        var waiting = db.StringSetAsync("k", "new").AsTask();
        await _server.RestartAsync();
        Assert.True(await waiting);
        Assert.Equal("new", (string?)await db.StringGetAsync("k"));
    }

    [Fact]
    public async Task Scripts_are_reloaded_after_a_restart_empties_the_script_cache()
    {
        var script = new LuaScript("return tonumber(ARGV[1]) * 2");
        await using var connection = await RedisConnection.ConnectAsync(_server.ConnectionString + ",syncTimeout=10000");
        var db = connection.GetDatabase();
        Assert.Equal(4, (long)await db.ScriptEvaluateAsync(script, values: [2]));

        await _server.RestartAsync();

        Assert.Equal(6, (long)await Eventually.SucceedsAsync(async () => await db.ScriptEvaluateAsync(script, values: [3])));
    }
}
