using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>The RequestStream of client-streaming and duplex calls.</summary>
internal sealed class ClientStreamWriter<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call, StreamingRequestContent content)
    : IClientStreamWriter<TRequest>
    where TRequest : class
    where TResponse : class
{
    private int _writeInProgress;
    private bool _completed;

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(TRequest message) => WriteAsync(message, CancellationToken.None);

    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_completed)
        {
            throw new InvalidOperationException("Can't write the message because the request stream is complete.");
        }

        call.ThrowIfFinishedForWrite();
        if (Interlocked.Exchange(ref _writeInProgress, 1) == 1)
        {
            throw new InvalidOperationException("Can't write the message because the previous write is in progress.");
        }

        try
        {
            await call.WriteRequestAsync(content, message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _writeInProgress, 0);
        }
    }

    public Task CompleteAsync()
    {
        _completed = true;
        content.Complete();
        return Task.CompletedTask;
    }
}
