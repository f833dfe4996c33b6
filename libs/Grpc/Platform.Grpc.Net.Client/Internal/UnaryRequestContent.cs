using System.Net;
using Grpc.Core.Wire;

namespace Grpc.Net.Client.Internal;

/// <summary>
/// The body of a unary or server-streaming request: one pre-serialized frame. The handler may serialize a
/// request twice (it retries a request the server refused before processing), so the buffer is only returned
/// to the pool once no serialization is running and the content is disposed.
/// </summary>
internal sealed class UnaryRequestContent : HttpContent
{
    private readonly PooledFrame _frame;
    private int _activeWrites;
    private bool _disposed;
    private bool _returned;

    public UnaryRequestContent(PooledFrame frame)
    {
        _frame = frame;
        Headers.TryAddWithoutValidation("Content-Type", GrpcProtocol.ContentType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        lock (this)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _activeWrites++;
        }

        try
        {
            await stream.WriteAsync(_frame.Memory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (this)
            {
                _activeWrites--;
                ReturnIfUnused();
            }
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _frame.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (this)
            {
                _disposed = true;
                ReturnIfUnused();
            }
        }

        base.Dispose(disposing);
    }

    private void ReturnIfUnused()
    {
        if (_disposed && _activeWrites == 0 && !_returned)
        {
            _returned = true;
            _frame.Return();
        }
    }
}
