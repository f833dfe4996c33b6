namespace Platform.Redis.Hosting;

/// <summary>Settings for <see cref="RedisClientExtensions.AddRedisClient"/>, bound from <c>Platform:Redis</c> in configuration.</summary>
public sealed class RedisClientSettings
{
    /// <summary>Overrides <c>ConnectionStrings:{name}</c> when set.</summary>
    public string? ConnectionString { get; set; }

    public bool DisableHealthChecks { get; set; }
}
