namespace Grpc.Core;

/// <summary>
/// Carries a server call's deadline and cancellation into the client calls it makes (CallOptions.PropagationToken).
/// Servers create one with ServerCallContext.CreatePropagationToken().
/// </summary>
public abstract class ContextPropagationToken
{
    private protected ContextPropagationToken()
    {
    }

    internal abstract DateTime? ParentDeadline { get; }

    internal abstract CancellationToken ParentCancellationToken { get; }

    internal abstract ContextPropagationOptions Options { get; }
}
