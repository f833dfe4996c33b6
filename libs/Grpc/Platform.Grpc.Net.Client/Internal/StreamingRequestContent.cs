using System.Net;
using Grpc.Core.Wire;

namespace Grpc.Net.Client.Internal;

/// <summary>
/// The body of a client-streaming or duplex request. The handler hands over the HTTP/2 request stream when it
/// starts sending the body; the call's writer writes frames into it, and the body ends (END_STREAM) when the
/// writer completes or the call ends.
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingRequestContent()
    {
        Headers.TryAddWithoutValidation("Content-Type", GrpcProtocol.ContentType);
    }

    /// <summary>Completes when the handler starts sending the body; cancelled if the call ends first.</summary>
    public Task<Stream> RequestStream => _stream.Task;

    /// <summary>Half-close: no more messages.</summary>
    public void Complete() => _completed.TrySetResult();

    /// <summary>The call ended: release anyone waiting for the stream and end the body.</summary>
    public void Abort()
    {
        _stream.TrySetCanceled();
        _completed.TrySetResult();
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _stream.TrySetResult(stream);
        await _completed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
