namespace Platform.Agents.Queue;

/// <summary>
/// One stream per agent tier, read in priority order (critical, high, medium, low), so a queued task of
/// a more important agent always starts first; FIFO within a tier.
/// </summary>
public static class TierStreams
{
    private static readonly string[] Names = ["critical", "high", "medium", "low"];

    public static string[] All(string prefix) => Names.Select(name => $"{prefix}:{name}").ToArray();

    /// <summary>The stream of a <c>platform.common.v1.Tier</c> value (unspecified goes with medium).</summary>
    public static string For(string prefix, int tier) => $"{prefix}:{Names[tier is >= 1 and <= 4 ? tier - 1 : 2]}";
}
