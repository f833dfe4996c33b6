using System.Buffers;
using System.IO.Pipelines;
using Grpc.Core;
using Grpc.Core.Wire;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// Frames response messages straight into the response pipe. When the serializer announces the payload length
/// (generated protobuf code does), the 5-byte prefix is written first and the message is serialized into the
/// pipe with no copy; otherwise it is serialized into a pooled buffer and copied once.
/// </summary>
internal sealed class ResponseMessageWriter(PipeWriter pipe, int? maxSendMessageSize) : SerializationContext
{
    private int _announcedLength = -1;
    private bool _completed;
    private PooledBufferWriter? _buffer;

    /// <summary>True once any frame went into the pipe; from then on the status must travel as trailers.</summary>
    public bool HasWritten { get; private set; }

    public void Write<T>(T message, Action<T, SerializationContext> serializer)
    {
        HasWritten = true;
        _announcedLength = -1;
        _completed = false;
        try
        {
            serializer(message, this);
            if (!_completed)
            {
                throw new InvalidOperationException("The response serializer did not complete the message.");
            }
        }
        finally
        {
            _buffer?.Reset();
        }
    }

    public override void SetPayloadLength(int payloadLength)
    {
        CheckSize(payloadLength);
        GrpcFrame.WriteHeader(pipe.GetSpan(GrpcFrame.HeaderLength), compressed: false, payloadLength);
        pipe.Advance(GrpcFrame.HeaderLength);
        _announcedLength = payloadLength;
    }

    public override IBufferWriter<byte> GetBufferWriter() =>
        _announcedLength >= 0 ? pipe : _buffer ??= new PooledBufferWriter();

    public override void Complete()
    {
        if (_announcedLength < 0)
        {
            var payload = _buffer is null ? [] : _buffer.WrittenSpan;
            WriteFrame(payload);
        }

        _completed = true;
    }

    public override void Complete(byte[] payload)
    {
        WriteFrame(payload);
        _completed = true;
    }

    private void WriteFrame(ReadOnlySpan<byte> payload)
    {
        CheckSize(payload.Length);
        var span = pipe.GetSpan(GrpcFrame.HeaderLength + payload.Length);
        if (span.Length >= GrpcFrame.HeaderLength + payload.Length)
        {
            GrpcFrame.WriteHeader(span, compressed: false, payload.Length);
            payload.CopyTo(span[GrpcFrame.HeaderLength..]);
            pipe.Advance(GrpcFrame.HeaderLength + payload.Length);
            return;
        }

        GrpcFrame.WriteHeader(span, compressed: false, payload.Length);
        pipe.Advance(GrpcFrame.HeaderLength);
        pipe.Write(payload);
    }

    private void CheckSize(int payloadLength)
    {
        if (payloadLength > maxSendMessageSize)
        {
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"Sending message exceeds the maximum configured message size ({payloadLength} > {maxSendMessageSize})."));
        }
    }
}
