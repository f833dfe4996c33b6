namespace Platform.Routing.Completions;

/// <summary>One event of a streamed completion: started, then deltas, then completed.</summary>
public abstract record StreamEvent;

/// <summary>Which model is answering; sent once, before any delta.</summary>
public sealed record StreamStarted(string RequestId, string Model, string Provider, int FallbackDepth) : StreamEvent;

/// <summary>Text to append.</summary>
public sealed record StreamDelta(string Content) : StreamEvent;

/// <summary>The summary (usage, cost, attempts); its Content is empty.</summary>
public sealed record StreamCompleted(CompletionResult Result) : StreamEvent;
