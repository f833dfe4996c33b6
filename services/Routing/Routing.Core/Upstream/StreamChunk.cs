using Platform.Routing.Vocabulary;

namespace Platform.Routing.Upstream;

/// <summary>What one SSE chunk carried: a content delta, a finish reason, usage, or a provider error.</summary>
public readonly record struct StreamChunk(string? Content, FinishReason FinishReason, UpstreamUsage? Usage, string? Error);
