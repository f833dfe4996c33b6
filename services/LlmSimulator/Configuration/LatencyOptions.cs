using System.Text.Json.Serialization;

namespace Platform.LlmSimulator.Configuration;

/// <summary>
/// A delay in milliseconds: <c>fixed</c> (<see cref="Ms"/>), <c>uniform</c> (<see cref="MinMs"/>..<see cref="MaxMs"/>),
/// <c>normal</c> or <c>lognormal</c> (<see cref="MeanMs"/>, <see cref="StdDevMs"/>, optionally clamped by Min/Max).
/// Bound from configuration (PascalCase) and from the control API (snake_case).
/// </summary>
// Typos in control bodies must fail loudly rather than silently configure nothing.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class LatencyOptions
{
    /// <summary>Inferred when omitted: <c>fixed</c> if only Ms is set, <c>normal</c> if MeanMs is set, <c>uniform</c> if Min and Max are set.</summary>
    public string? Distribution { get; set; }

    public double? Ms { get; set; }

    public double? MeanMs { get; set; }

    public double? StdDevMs { get; set; }

    public double? MinMs { get; set; }

    public double? MaxMs { get; set; }
}
