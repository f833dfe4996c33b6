using System.Text.Json.Serialization;
using Platform.LlmSimulator.Configuration;

namespace Platform.LlmSimulator.Control;

/// <summary>Body of <c>PUT /control/models/{model}/latency</c>; each distribution given replaces the current one.</summary>
// Typos in control bodies must fail loudly rather than silently configure nothing.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class LatencyChange
{
    public LatencyOptions? Latency { get; set; }

    public LatencyOptions? TimeToFirstToken { get; set; }

    public LatencyOptions? PerToken { get; set; }
}
