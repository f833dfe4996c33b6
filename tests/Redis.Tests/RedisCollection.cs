using Platform.Testing.Redis;

namespace Platform.Redis.Tests;

/// <summary>Tests in this collection share one redis-server and isolate by key prefix.</summary>
[CollectionDefinition(RedisServerFixture.Collection)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>;
