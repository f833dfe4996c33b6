namespace Platform.LlmSimulator.Faults;

/// <summary>The snake_case names used on the wire and in the README.</summary>
public static class FaultKindNames
{
    public static FaultKind Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "rate_limited" or "rate-limited" or "429" => FaultKind.RateLimited,
        "server_error" or "server-error" => FaultKind.ServerError,
        "hang" => FaultKind.Hang,
        "drop_connection" or "drop-connection" or "drop" => FaultKind.DropConnection,
        _ => FaultKind.None,
    };

    public static string Name(FaultKind kind) => kind switch
    {
        FaultKind.RateLimited => "rate_limited",
        FaultKind.ServerError => "server_error",
        FaultKind.Hang => "hang",
        FaultKind.DropConnection => "drop_connection",
        _ => "none",
    };
}
