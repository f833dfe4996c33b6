namespace Platform.Hosting.Local;

/// <summary>A resource did not become healthy: why, and what it said last.</summary>
internal sealed class ResourceStartException(ResourceInstance instance, string reason, IReadOnlyList<string>? lastLines = null)
    : Exception($"Resource '{instance.DisplayName}' failed to start: {reason}.")
{
    public ResourceInstance Instance { get; } = instance;

    public IReadOnlyList<string> LastLines { get; } = lastLines ?? instance.RecentLines;

    public string Report()
    {
        var newLine = System.Environment.NewLine;
        var lines = LastLines.Count == 0
            ? $"  (no output){newLine}"
            : string.Concat(LastLines.Select(l => $"  {Instance.DisplayName} | {l}{newLine}"));
        return $"{Message}{newLine}Last {LastLines.Count} lines of {Instance.DisplayName}:{newLine}{lines}Every other resource was stopped.";
    }
}
