namespace Platform.Testing.Redis;

/// <summary>How to start a throwaway redis-server.</summary>
public sealed record RedisServerOptions
{
    /// <summary>Sets <c>--requirepass</c>; the connection string then carries it.</summary>
    public string? Password { get; init; }

    /// <summary>Serve TLS only (plain port disabled), with a fresh self-signed certificate for 127.0.0.1/localhost.</summary>
    public bool Tls { get; init; }

    /// <summary>Extra redis-server arguments, for example <c>["--maxmemory", "10mb"]</c>.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}
