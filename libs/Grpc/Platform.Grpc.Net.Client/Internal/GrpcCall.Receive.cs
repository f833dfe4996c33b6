using System.Buffers;
using Grpc.Core;
using Grpc.Core.Wire;

namespace Grpc.Net.Client.Internal;

internal sealed partial class GrpcCall<TRequest, TResponse>
{
    private HttpResponseMessage? _response;
    private Stream? _responseStream;
    private bool _responseStarted;
    private Metadata? _responseHeaders;
    private byte[]? _frameHeader;
    private ResponseDeserializationContext? _deserializationContext;

    /// <summary>The response of unary and client-streaming calls: exactly one message, then an OK status.</summary>
    private async Task<TResponse> ReadSingleResponseAsync()
    {
        TResponse? message = null;
        CallOutcome outcome;
        try
        {
            var stream = await StartResponseAsync().ConfigureAwait(false);
            if (stream is null)
            {
                outcome = _outcome!;
            }
            else
            {
                message = await ReadMessageAsync(stream).ConfigureAwait(false);
                if (message is not null && await ReadMessageAsync(stream).ConfigureAwait(false) is not null)
                {
                    throw new RpcException(CallStatuses.ExtraResponseMessage);
                }

                var status = ResponseStatus.FromTrailers(_response!.TrailingHeaders, out var trailers);
                outcome = Finish(status, trailers);
            }
        }
        catch (Exception ex)
        {
            outcome = Finish(StatusFromFailure(ex), Metadata.Empty);
        }

        if (outcome.Status.StatusCode != StatusCode.OK)
        {
            throw CreateException(outcome);
        }

        if (message is null)
        {
            // OK without a message (e.g. a trailers-only OK) breaks the unary contract.
            throw CreateException(new CallOutcome(CallStatuses.NoResponseMessage, outcome.Trailers));
        }

        return message;
    }

    /// <summary>The next message of a streaming response, or null once the server ended the stream with OK.</summary>
    public async Task<TResponse?> ReadNextResponseAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _outcome) is { } finished)
        {
            return finished.Status.StatusCode == StatusCode.OK ? null : throw CreateException(finished);
        }

        var registration = cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(s_cancelledByCaller, this) : default;
        CallOutcome outcome;
        try
        {
            if (!_responseStarted)
            {
                _responseStarted = true;
                _responseStream = await StartResponseAsync().ConfigureAwait(false);
            }

            if (_responseStream is null)
            {
                outcome = _outcome!;
            }
            else
            {
                var message = await ReadMessageAsync(_responseStream).ConfigureAwait(false);
                if (message is not null)
                {
                    return message;
                }

                var status = ResponseStatus.FromTrailers(_response!.TrailingHeaders, out var trailers);
                outcome = Finish(status, trailers);
            }
        }
        catch (Exception ex)
        {
            outcome = Finish(StatusFromFailure(ex), Metadata.Empty);
        }
        finally
        {
            registration.Dispose();
        }

        return outcome.Status.StatusCode == StatusCode.OK ? null : throw CreateException(outcome);
    }

    /// <summary>Waits for the response headers; returns the body stream, or null when the headers already ended the call.</summary>
    private async Task<Stream?> StartResponseAsync()
    {
        var response = await _responseTask.ConfigureAwait(false);
        _response = response;
        if (Volatile.Read(ref _outcome) is not null)
        {
            ReleaseHttp();
            return null;
        }

        if (ResponseStatus.FromHeaders(response) is { } headerStatus)
        {
            Finish(headerStatus, ResponseStatus.ToMetadata(response.Headers));
            return null;
        }

        return await response.Content.ReadAsStreamAsync(_callCts.Token).ConfigureAwait(false);
    }

    /// <summary>Reads one length-prefixed message; null at the clean end of the body.</summary>
    private async Task<TResponse?> ReadMessageAsync(Stream stream)
    {
        var header = _frameHeader ??= new byte[GrpcFrame.HeaderLength];
        var read = await stream.ReadAtLeastAsync(header, GrpcFrame.HeaderLength, throwOnEndOfStream: false, _callCts.Token).ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }

        if (read < GrpcFrame.HeaderLength)
        {
            throw new RpcException(CallStatuses.IncompleteMessage);
        }

        GrpcFrame.TryReadHeader(header, out var compressedFlag, out var payloadLength);
        if (compressedFlag != 0)
        {
            throw new RpcException(CallStatuses.CompressedMessage);
        }

        if (payloadLength > (uint)(_channel.MaxReceiveMessageSize ?? int.MaxValue))
        {
            throw new RpcException(CallStatuses.MessageTooLarge);
        }

        var length = (int)payloadLength;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            await stream.ReadExactlyAsync(buffer.AsMemory(0, length), _callCts.Token).ConfigureAwait(false);
            return Deserialize(buffer, length);
        }
        catch (EndOfStreamException)
        {
            throw new RpcException(CallStatuses.IncompleteMessage);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private TResponse Deserialize(byte[] buffer, int length)
    {
        var context = _deserializationContext ??= new ResponseDeserializationContext();
        context.SetPayload(buffer, length);
        try
        {
            return _method.ResponseMarshaller.ContextualDeserializer(context);
        }
        catch (Exception ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize response message.", ex));
        }
        finally
        {
            context.Clear();
        }
    }

    private async Task<Metadata> GetResponseHeadersAsync()
    {
        HttpResponseMessage response;
        try
        {
            response = await _responseTask.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw CreateException(Finish(StatusFromFailure(ex), Metadata.Empty));
        }

        return _responseHeaders ??= ResponseStatus.ToMetadata(response.Headers);
    }

    private void ReleaseHttp()
    {
        _response?.Dispose();
        _request?.Dispose();
        if (_responseTask is { IsCompletedSuccessfully: false } responseTask)
        {
            // Nobody may ever read a call that was disposed unread; observe its failure so it is not reported as unobserved.
            responseTask.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }
}
