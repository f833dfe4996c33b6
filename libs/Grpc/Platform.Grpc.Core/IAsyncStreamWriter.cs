namespace Grpc.Core;

/// <summary>A stream of outgoing messages. Only one write may be pending at a time.</summary>
public interface IAsyncStreamWriter<in T>
{
    WriteOptions? WriteOptions { get; set; }

    Task WriteAsync(T message);

    Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            throw new NotSupportedException("This writer does not support a cancellation token; use WriteAsync(T).");
        }

        return WriteAsync(message);
    }
}
