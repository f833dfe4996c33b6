using Platform.Routing.Vocabulary;

namespace Platform.Routing.Requests;

/// <summary>One chat completion to route, whatever the front door (gRPC or OpenAI-compatible HTTP).</summary>
public sealed record CompletionRequest
{
    public const int DefaultMaxTokens = 1024;

    public required string AgentId { get; init; }
    public required IReadOnlyList<ChatMessage> Messages { get; init; }

    /// <summary>Catalog name of the preferred primary model; empty = choose by strategy.</summary>
    public string Model { get; init; } = "";

    public RoutingHints Hints { get; init; } = RoutingHints.None;
    public int? MaxTokens { get; init; }
    public double? Temperature { get; init; }
    public double? TopP { get; init; }
    public IReadOnlyList<string> Stop { get; init; } = [];
    public string IdempotencyKey { get; init; } = "";
    public Tier TierOverride { get; init; }
    public string TaskId { get; init; } = "";
    public CacheMode CacheMode { get; init; }

    /// <summary>Streaming requests may only go to models with the streaming capability.</summary>
    public bool Stream { get; init; }

    public int RequestedMaxTokens => MaxTokens ?? DefaultMaxTokens;
}
