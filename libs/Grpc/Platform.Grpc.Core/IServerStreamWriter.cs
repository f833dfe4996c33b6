namespace Grpc.Core;

/// <summary>The response stream of a server-streaming or duplex call, as seen by the handler.</summary>
public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>
{
}
