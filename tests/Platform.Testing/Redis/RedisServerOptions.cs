namespace Platform.Testing.Redis;

/// <summary>How to start a throwaway redis-server.</summary>
public sealed record RedisServerOptions
{
    /// <summary>Sets <c>--requirepass</c>; the connection string then carries it.</summary>
    public string? Password { get; init; }

    /// <summary>Extra redis-server arguments, for example <c>["--maxmemory", "10mb"]</c>.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}
