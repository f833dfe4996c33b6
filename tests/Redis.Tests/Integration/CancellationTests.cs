using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Integration;

/// <summary>
/// Documented semantics: a token cancelled before the command is written means it is never sent; a
/// token cancelled while the reply is awaited throws <see cref="OperationCanceledException"/> at once,
/// the command may still run, and its late reply is discarded. A cancelled blocking read closes its
/// dedicated connection, which ends the wait on the server.
/// </summary>
public sealed class CancellationTests(RedisServerFixture redis) : SharedServerTest(redis)
{
    [Fact]
    public async Task An_already_cancelled_token_fails_without_sending()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Db.StringSetAsync(Key("k"), "v", cancellationToken: cancelled.Token));

        Assert.False(await Db.KeyExistsAsync(Key("k")));
    }

    [Fact]
    public async Task Cancelling_a_blocking_read_releases_the_server_wait_and_loses_no_entries()
    {
        var stream = Key("s");
        await Db.StreamCreateConsumerGroupAsync(stream, "g", "$");
        using var cancellation = new CancellationTokenSource();

        var read = Db.StreamReadGroupAsync(stream, "g", "c", block: TimeSpan.FromSeconds(60), cancellationToken: cancellation.Token).AsTask();
        await WaitUntilAsync(async () => await BlockedClientsAsync() > 0);
        cancellation.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        Assert.Equal(cancellation.Token, error.CancellationToken);
        await WaitUntilAsync(async () => await BlockedClientsAsync() == 0);

        var id = await Db.StreamAddAsync(stream, "f", "v");
        var entries = await Db.StreamReadGroupAsync(stream, "g", "c", block: TimeSpan.FromSeconds(5));
        Assert.Equal(id, Assert.Single(entries).Id);
    }

    private async Task<long> BlockedClientsAsync()
    {
        var info = (string?)await Db.ExecuteAsync("INFO", "clients") ?? string.Empty;
        var line = info.Split('\n').Single(l => l.StartsWith("blocked_clients:", StringComparison.Ordinal));
        return long.Parse(line["blocked_clients:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The condition never became true.");
    }
}
