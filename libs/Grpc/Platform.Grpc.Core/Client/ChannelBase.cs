namespace Grpc.Core;

/// <summary>A connection to a server that clients create call invokers from.</summary>
public abstract class ChannelBase
{
    protected ChannelBase(string target)
    {
        Target = target ?? throw new ArgumentNullException(nameof(target));
    }

    /// <summary>The address the channel was created for.</summary>
    public string Target { get; }

    public abstract CallInvoker CreateCallInvoker();

    /// <summary>Stops the channel; calls still running may fail afterwards.</summary>
    public Task ShutdownAsync() => ShutdownAsyncCore();

    protected virtual Task ShutdownAsyncCore() => Task.CompletedTask;
}
