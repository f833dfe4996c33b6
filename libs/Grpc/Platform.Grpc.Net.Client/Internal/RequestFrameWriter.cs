using System.Buffers;
using Grpc.Core;
using Grpc.Core.Wire;

namespace Grpc.Net.Client.Internal;

/// <summary>
/// Serializes one request message straight into a pooled buffer behind a reserved 5-byte gRPC frame header,
/// so a message costs no intermediate byte[] (generated code writes through GetBufferWriter()).
/// One instance per thread is reused: serialization is synchronous and the buffer is detached afterwards.
/// </summary>
internal sealed class RequestFrameWriter : SerializationContext, IBufferWriter<byte>
{
    private const int MinimumBufferSize = 256;

    [ThreadStatic]
    private static RequestFrameWriter? t_cached;

    private byte[] _buffer = [];
    private int _length;
    private bool _completed;

    /// <summary>Serializes the message; the caller owns the returned frame and must return it to the pool.</summary>
    public static PooledFrame Serialize<T>(Marshaller<T> marshaller, T message, int? maxSendMessageSize)
    {
        var writer = t_cached ?? new RequestFrameWriter();
        t_cached = null;
        try
        {
            writer.Reset();
            marshaller.ContextualSerializer(message, writer);
            if (!writer._completed)
            {
                throw new InvalidOperationException("The request serializer did not complete the serialization context.");
            }

            var payloadLength = writer._length - GrpcFrame.HeaderLength;
            if (payloadLength > maxSendMessageSize)
            {
                writer.ReturnBuffer();
                throw new RpcException(new Status(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size."));
            }

            GrpcFrame.WriteHeader(writer._buffer, compressed: false, payloadLength);
            return writer.Detach();
        }
        catch
        {
            writer.ReturnBuffer();
            throw;
        }
        finally
        {
            t_cached = writer;
        }
    }

    public override void SetPayloadLength(int payloadLength) => EnsureCapacity(payloadLength);

    public override IBufferWriter<byte> GetBufferWriter() => this;

    public override void Complete() => _completed = true;

    public override void Complete(byte[] payload)
    {
        EnsureCapacity(payload.Length);
        payload.CopyTo(_buffer.AsSpan(_length));
        _length += payload.Length;
        _completed = true;
    }

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureCapacity(Math.Max(sizeHint, 1));
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureCapacity(Math.Max(sizeHint, 1));
        return _buffer.AsSpan(_length);
    }

    private void Reset()
    {
        _buffer = ArrayPool<byte>.Shared.Rent(MinimumBufferSize);
        _length = GrpcFrame.HeaderLength;
        _completed = false;
    }

    private void EnsureCapacity(int additional)
    {
        var required = _length + additional;
        if (required <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(required, _buffer.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    private PooledFrame Detach()
    {
        var frame = new PooledFrame(_buffer, _length);
        _buffer = [];
        _length = 0;
        return frame;
    }

    private void ReturnBuffer()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = [];
        _length = 0;
    }
}
