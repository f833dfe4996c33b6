namespace Platform.Routing.Completions;

/// <summary>A stream answered from a stored result (same idempotency key, or the response cache): one delta, then the summary.</summary>
public sealed class ReplayedStream(CompletionResult result) : ICompletionStream
{
    private int _next;

    public StreamStarted Started { get; } = new(result.RequestId, result.Model, result.Provider, result.FallbackDepth);

    public ValueTask<StreamEvent?> ReadAsync()
    {
        StreamEvent? next = _next++ switch
        {
            0 when result.Content.Length > 0 => new StreamDelta(result.Content),
            0 or 1 => new StreamCompleted(result with { Content = "" }),
            _ => null,
        };
        if (next is StreamCompleted)
            _next = 2;
        return ValueTask.FromResult(next);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
