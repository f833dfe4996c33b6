using System.Buffers;
using System.IO.Pipelines;
using Grpc.Core;
using Grpc.Core.Wire;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// Reads length-prefixed request messages from the request pipe. The payload is handed to the deserializer as a
/// slice of the pipe's own buffers, so nothing is copied; framing errors become gRPC statuses.
/// </summary>
internal sealed class RequestMessageReader(PipeReader pipe, int? maxReceiveMessageSize, string? grpcEncoding) : DeserializationContext
{
    private ReadOnlySequence<byte> _payload;

    public override int PayloadLength => (int)_payload.Length;

    public override byte[] PayloadAsNewBuffer() => _payload.ToArray();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => _payload;

    /// <summary>The next message, or null when the client has ended its stream.</summary>
    public async ValueTask<T?> ReadAsync<T>(Func<DeserializationContext, T> deserializer, CancellationToken cancellationToken)
        where T : class
    {
        while (true)
        {
            var result = await pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            bool framed;
            ReadOnlySequence<byte> payload;
            try
            {
                framed = TryReadFrame(ref buffer, out payload);
            }
            catch
            {
                pipe.AdvanceTo(buffer.Start, buffer.End);
                throw;
            }

            if (framed)
            {
                try
                {
                    return Deserialize(payload, deserializer);
                }
                finally
                {
                    pipe.AdvanceTo(buffer.Start);
                }
            }

            if (result.IsCompleted)
            {
                pipe.AdvanceTo(buffer.End);
                return buffer.IsEmpty
                    ? null
                    : throw new RpcException(new Status(StatusCode.Internal, "Incomplete message: the request stream ended inside a message."));
            }

            if (result.IsCanceled)
            {
                pipe.AdvanceTo(buffer.Start, buffer.End);
                throw new OperationCanceledException("Reading the request was cancelled.");
            }

            pipe.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Reads the one message of a unary or server-streaming request, and checks nothing follows it.</summary>
    public async ValueTask<T> ReadSingleAsync<T>(Func<DeserializationContext, T> deserializer, CancellationToken cancellationToken)
        where T : class
    {
        var message = await ReadAsync(deserializer, cancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.Internal, "Request did not include a message."));

        while (true)
        {
            var result = await pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
            var hasExtraData = !result.Buffer.IsEmpty;
            pipe.AdvanceTo(result.Buffer.End);
            if (hasExtraData)
            {
                throw new RpcException(new Status(StatusCode.Internal, "Additional data after the request message."));
            }

            if (result.IsCompleted)
            {
                return message;
            }
        }
    }

    private T Deserialize<T>(in ReadOnlySequence<byte> payload, Func<DeserializationContext, T> deserializer)
    {
        _payload = payload;
        try
        {
            return deserializer(this);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize the request message.", ex));
        }
        finally
        {
            _payload = default;
        }
    }

    private bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> payload)
    {
        payload = default;
        if (!GrpcFrame.TryReadHeader(buffer, out var compressedFlag, out var length))
        {
            return false;
        }

        if (compressedFlag != 0)
        {
            throw CompressionError(compressedFlag);
        }

        if (length > maxReceiveMessageSize)
        {
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"Received message exceeds the maximum configured message size ({length} > {maxReceiveMessageSize})."));
        }

        if (buffer.Length - GrpcFrame.HeaderLength < length)
        {
            return false;
        }

        payload = buffer.Slice(GrpcFrame.HeaderLength, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    /// <summary>
    /// This server does not decompress. Per the spec, a compressed message in an encoding we lack is UNIMPLEMENTED,
    /// and a compressed flag without a grpc-encoding (or a flag other than 0/1) is a protocol error, INTERNAL.
    /// </summary>
    private RpcException CompressionError(byte compressedFlag)
    {
        if (compressedFlag == 1 && grpcEncoding is not null
            && !string.Equals(grpcEncoding, GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            var status = new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{grpcEncoding}'. Supported encodings: identity");
            var trailers = new Metadata { { GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.IdentityEncoding } };
            return new RpcException(status, trailers);
        }

        return new RpcException(new Status(
            StatusCode.Internal,
            compressedFlag == 1
                ? "Request sent a compressed message without a grpc-encoding."
                : $"Invalid compressed flag {compressedFlag} in a message prefix."));
    }
}
