namespace Platform.LlmSimulator.Faults;

/// <summary>What the simulator does to one request instead of (or before) answering it.</summary>
public readonly record struct FaultAction(FaultKind Kind, int StatusCode = 0, double RetryAfterSeconds = 0, double HangSeconds = 0)
{
    public static readonly FaultAction None = new(FaultKind.None);

    public static FaultAction RateLimited(double retryAfterSeconds) => new(FaultKind.RateLimited, 429, retryAfterSeconds);

    public static FaultAction ServerError(int statusCode) => new(FaultKind.ServerError, statusCode);

    public static FaultAction Hang(double seconds) => new(FaultKind.Hang, HangSeconds: seconds);

    public static FaultAction Drop() => new(FaultKind.DropConnection);
}
