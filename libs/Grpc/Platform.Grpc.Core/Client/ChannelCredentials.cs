namespace Grpc.Core;

/// <summary>
/// How a channel secures its connection. Only the members applications use are public (Insecure, SecureSsl,
/// Create); transports read the rest internally, so unlike the real API this type cannot be subclassed outside.
/// </summary>
public abstract class ChannelCredentials
{
    private protected ChannelCredentials()
    {
    }

    public static ChannelCredentials Insecure { get; } = new TransportChannelCredentials(isSecure: false);

    public static ChannelCredentials SecureSsl { get; } = new TransportChannelCredentials(isSecure: true);

    /// <summary>Channel credentials whose calls all carry the given call credentials.</summary>
    public static ChannelCredentials Create(ChannelCredentials channelCredentials, CallCredentials callCredentials)
    {
        ArgumentNullException.ThrowIfNull(channelCredentials);
        ArgumentNullException.ThrowIfNull(callCredentials);
        var combined = channelCredentials.CallCredentials is null
            ? callCredentials
            : CallCredentials.Compose(channelCredentials.CallCredentials, callCredentials);
        return new TransportChannelCredentials(channelCredentials.IsSecure, combined);
    }

    internal abstract bool IsSecure { get; }

    internal abstract CallCredentials? CallCredentials { get; }

    private sealed class TransportChannelCredentials(bool isSecure, CallCredentials? callCredentials = null) : ChannelCredentials
    {
        internal override bool IsSecure { get; } = isSecure;

        internal override CallCredentials? CallCredentials { get; } = callCredentials;
    }
}
