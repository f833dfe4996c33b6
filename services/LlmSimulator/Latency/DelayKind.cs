namespace Platform.LlmSimulator.Latency;

public enum DelayKind
{
    None,
    Fixed,
    Uniform,
    Normal,
    LogNormal,
}
