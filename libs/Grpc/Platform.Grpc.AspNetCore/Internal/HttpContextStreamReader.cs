using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>The request stream of a client-streaming or duplex call: one message per MoveNext, read from the request pipe.</summary>
internal sealed class HttpContextStreamReader<T>(GrpcServerCall call, Func<DeserializationContext, T> deserializer) : IAsyncStreamReader<T>
    where T : class
{
    private T? _current;
    private bool _endOfStream;
    private int _reading;

    public T Current => _current!;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (call.CallEnded)
        {
            throw new InvalidOperationException("Can't read messages after the call has completed.");
        }

        if (_endOfStream)
        {
            return false;
        }

        if (Interlocked.Exchange(ref _reading, 1) == 1)
        {
            throw new InvalidOperationException("Can't read the next message because the previous read is still in progress.");
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

            _current = await call.RequestReader.ReadAsync(deserializer, token).ConfigureAwait(false);
            _endOfStream = _current is null;
            return !_endOfStream;
        }
        finally
        {
            linked?.Dispose();
            Volatile.Write(ref _reading, 0);
        }
    }
}
