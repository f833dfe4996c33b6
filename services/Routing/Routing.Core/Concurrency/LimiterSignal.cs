namespace Platform.Routing.Concurrency;

/// <summary>What an attempt's end tells the adaptive limiter.</summary>
public enum LimiterSignal
{
    /// <summary>A normal answer: its latency is a sample.</summary>
    Sample,

    /// <summary>A 429 or timeout: the provider is saturated.</summary>
    Overload,

    /// <summary>Nothing to learn (cancelled, client error, connection refused).</summary>
    Ignore,
}
