namespace Platform.LlmSimulator.Faults;

public enum FaultKind
{
    None,
    RateLimited,
    ServerError,
    Hang,
    DropConnection,
}
