using Platform.Routing.Vocabulary;

namespace Platform.Routing.Requests;

/// <summary>The caller's model-selection preferences; every member is optional.</summary>
public sealed record RoutingHints
{
    public static RoutingHints None { get; } = new();

    public Strategy Strategy { get; init; }
    public TaskType TaskType { get; init; }
    public LatencySensitivity LatencySensitivity { get; init; }
    public UserTier UserTier { get; init; }
    public long? MaxCostMicros { get; init; }
    public IReadOnlyList<string> FallbackModels { get; init; } = [];
    public bool DisableFallback { get; init; }
    public IReadOnlyList<string> AllowedModels { get; init; } = [];
    public IReadOnlyList<string> ExcludedModels { get; init; } = [];
    public IReadOnlyList<Capability> RequiredCapabilities { get; init; } = [];
    public IReadOnlyList<string> RequiredTags { get; init; } = [];
    public Complexity Complexity { get; init; }
}
