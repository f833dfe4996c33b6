namespace Platform.LlmSimulator.Stats;

public sealed record MinuteCount(DateTimeOffset Minute, long Requests);
