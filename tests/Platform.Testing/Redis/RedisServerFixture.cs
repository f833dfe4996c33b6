using Xunit;

namespace Platform.Testing.Redis;

/// <summary>
/// xunit fixture over <see cref="SharedRedisServer"/>. Use it as a class or collection fixture; in the
/// test project declare the collection once:
/// <code>[CollectionDefinition(RedisServerFixture.Collection)] public class RedisCollection : ICollectionFixture&lt;RedisServerFixture&gt;;</code>
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public const string Collection = "redis-server";

    private RedisServer? _server;

    public RedisServer Server => _server ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public string ConnectionString => Server.ConnectionString;

    /// <summary>A key prefix no other test uses, e.g. <c>test:3f2a...:</c>.</summary>
    public static string NewKeyPrefix() => $"test:{Guid.NewGuid():N}:";

    public async Task InitializeAsync() => _server = await SharedRedisServer.GetAsync();

    // The shared server outlives any one fixture; it stops with the process.
    public Task DisposeAsync() => Task.CompletedTask;
}
