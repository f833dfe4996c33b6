using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Integration;

/// <summary>A test class on the shared redis-server: its own connection and key prefix.</summary>
[Collection(RedisServerFixture.Collection)]
public abstract class SharedServerTest : IAsyncLifetime
{
    private readonly string _prefix = RedisServerFixture.NewKeyPrefix();

    protected SharedServerTest(RedisServerFixture redis) => Redis = redis;

    protected RedisServerFixture Redis { get; }

    protected RedisConnection Connection { get; private set; } = null!;

    protected IRedisDatabase Db => Connection.GetDatabase();

    protected virtual string ConnectionOptions => string.Empty;

    /// <summary>A key unique to this test instance.</summary>
    protected string Key(string name) => _prefix + name;

    public async Task InitializeAsync() =>
        Connection = await RedisConnection.ConnectAsync(Redis.ConnectionString + ConnectionOptions);

    public async Task DisposeAsync() => await Connection.DisposeAsync();
}
