namespace Grpc.Core;

/// <summary>
/// The token a server hands out from ServerCallContext.CreatePropagationToken: a snapshot of the
/// server call's deadline and its cancellation token.
/// </summary>
internal sealed class ServerCallPropagationToken(DateTime deadline, CancellationToken cancellationToken, ContextPropagationOptions? options)
    : ContextPropagationToken
{
    internal override DateTime? ParentDeadline { get; } = deadline == DateTime.MaxValue ? null : deadline;

    internal override CancellationToken ParentCancellationToken { get; } = cancellationToken;

    internal override ContextPropagationOptions Options { get; } = options ?? ContextPropagationOptions.Default;
}
