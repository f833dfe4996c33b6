using Platform.Testing.Redis;

namespace Platform.Budget.Tests.Infrastructure;

[CollectionDefinition(RedisServerFixture.Collection)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>;
