using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Integration;

public sealed class ConcurrencyTests(RedisServerFixture redis) : SharedServerTest(redis)
{
    [Fact]
    public async Task A_thousand_concurrent_commands_on_one_connection_each_get_their_own_reply()
    {
        const int Callers = 100;
        const int CommandsPerCaller = 10;

        // Each caller writes and reads back its own keys; a misrouted reply would show as a wrong value.
        var callers = Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            var pending = new List<(int Index, Task<bool> Set)>();
            for (var i = 0; i < CommandsPerCaller / 2; i++)
            {
                pending.Add((i, Db.StringSetAsync(Key($"{caller}:{i}"), $"value-{caller}-{i}").AsTask()));
            }

            foreach (var (_, set) in pending)
            {
                Assert.True(await set);
            }

            var reads = Enumerable.Range(0, CommandsPerCaller / 2)
                .Select(i => (Index: i, Get: Db.StringGetAsync(Key($"{caller}:{i}")).AsTask()))
                .ToList();
            foreach (var (index, get) in reads)
            {
                Assert.Equal($"value-{caller}-{index}", (string?)await get);
            }
        }));

        await Task.WhenAll(callers);
    }

    [Fact]
    public async Task Concurrent_commands_are_coalesced_into_fewer_socket_writes()
    {
        await Db.PingAsync();
        var statistics = Connection.SharedConnectionWriteStatistics!;
        var (commandsBefore, flushesBefore) = (statistics.Commands, statistics.Flushes);

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Db.StringGetAsync(Key($"c{i}")).AsTask()));

        var commands = statistics.Commands - commandsBefore;
        var flushes = statistics.Flushes - flushesBefore;
        Assert.Equal(1000, commands);
        Assert.True(flushes < commands, $"{commands} commands took {flushes} socket writes");
    }

    [Fact]
    public async Task Mixed_reply_types_interleaved_from_many_tasks_stay_matched()
    {
        await Db.StringSetAsync(Key("n"), 0);
        var tasks = Enumerable.Range(0, 1000).Select(i => (i % 4) switch
        {
            0 => Db.StringIncrementAsync(Key("n")).AsTask().ContinueWith(t => Assert.True(t.Result > 0)),
            1 => Db.HashSetAsync(Key($"h{i}"), "f", i).AsTask().ContinueWith(t => Assert.True(t.Result)),
            2 => Db.StringGetAsync(Key("missing")).AsTask().ContinueWith(t => Assert.True(t.Result.IsNull)),
            _ => Db.ExecuteAsync("ECHO", $"echo-{i}").AsTask().ContinueWith(t => Assert.Equal($"echo-{i}", (string?)t.Result)),
        });

        await Task.WhenAll(tasks);
        Assert.Equal(250, (long)await Db.StringGetAsync(Key("n")));
    }
}
