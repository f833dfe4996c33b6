using Platform.Routing.Requests;

namespace Platform.Routing.Upstream;

/// <summary>What is sent to a provider for one attempt (the model's wire name, clamped max_tokens).</summary>
public sealed record UpstreamRequest(
    string WireModel,
    IReadOnlyList<ChatMessage> Messages,
    int MaxTokens,
    double? Temperature,
    double? TopP,
    IReadOnlyList<string> Stop,
    bool Stream);
