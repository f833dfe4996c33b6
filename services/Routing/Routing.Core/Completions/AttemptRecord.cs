using Platform.Routing.Vocabulary;

namespace Platform.Routing.Completions;

/// <summary>One upstream attempt (or a refusal in front of it) made for a completion.</summary>
public sealed record AttemptRecord(string Model, string Provider, AttemptStatus Status, int HttpStatus, long LatencyMs, long BackoffMs, string ErrorMessage);
