namespace Platform.LlmSimulator.Stats;

/// <summary>One wall-clock minute: requests received, and tokens (prompt + completion) of the replies sent.</summary>
public sealed record MinuteCount(DateTimeOffset Minute, long Requests, long Tokens = 0);
