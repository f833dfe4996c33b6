namespace Grpc.Core;

/// <summary>A stream of incoming messages, read with MoveNext/Current.</summary>
public interface IAsyncStreamReader<out T>
{
    T Current { get; }

    Task<bool> MoveNext(CancellationToken cancellationToken);
}
