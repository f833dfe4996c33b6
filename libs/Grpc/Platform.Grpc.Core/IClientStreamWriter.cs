namespace Grpc.Core;

/// <summary>The request stream of a client-streaming or duplex call, as seen by the caller.</summary>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Half-closes the request stream: the server sees the end of its input.</summary>
    Task CompleteAsync();
}
