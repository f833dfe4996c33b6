using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>The response stream of a server-streaming or duplex call: each message is framed into the response pipe and flushed.</summary>
internal sealed class HttpContextStreamWriter<T>(GrpcServerCall call, Action<T, SerializationContext> serializer) : IServerStreamWriter<T>
{
    private int _writing;

    public WriteOptions? WriteOptions
    {
        get => call.WriteOptions;
        set => call.WriteOptions = value;
    }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public async Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (call.CallEnded)
        {
            throw new InvalidOperationException("Can't write the message because the call is complete.");
        }

        if (Interlocked.Exchange(ref _writing, 1) == 1)
        {
            throw new InvalidOperationException("Can't write the message because the previous write is still in progress.");
        }

        CancellationTokenSource? linked = null;
        try
        {
            var token = call.CancellationToken;
            if (cancellationToken.CanBeCanceled && cancellationToken != token)
            {
                linked = CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken);
                token = linked.Token;
            }

            token.ThrowIfCancellationRequested();
            call.ResponseWriter.Write(message, serializer);
            if (WriteOptions is { } options && (options.Flags & WriteFlags.BufferHint) != 0)
            {
                return;
            }

            var result = await call.HttpContext.Response.BodyWriter.FlushAsync(token).ConfigureAwait(false);
            if (result.IsCanceled)
            {
                throw new OperationCanceledException("Writing the response was cancelled.", token);
            }

            if (result.IsCompleted)
            {
                throw new IOException("The client closed the response stream.");
            }
        }
        finally
        {
            linked?.Dispose();
            Volatile.Write(ref _writing, 0);
        }
    }
}
