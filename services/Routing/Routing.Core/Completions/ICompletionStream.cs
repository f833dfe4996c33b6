namespace Platform.Routing.Completions;

/// <summary>
/// A started streamed completion: <see cref="Started"/> is known, then <see cref="ReadAsync"/> yields
/// deltas and finally the completed summary, then null. Read failures throw RoutingException (usage
/// produced so far is committed). Disposing before the end cancels the provider request.
/// </summary>
public interface ICompletionStream : IAsyncDisposable
{
    StreamStarted Started { get; }

    ValueTask<StreamEvent?> ReadAsync();
}
