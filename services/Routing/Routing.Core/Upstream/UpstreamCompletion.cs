using Platform.Routing.Vocabulary;

namespace Platform.Routing.Upstream;

/// <summary>A whole, successful provider reply.</summary>
public sealed record UpstreamCompletion(string Content, FinishReason FinishReason, UpstreamUsage? Usage);
