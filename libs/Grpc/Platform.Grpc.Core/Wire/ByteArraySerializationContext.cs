using System.Buffers;

namespace Grpc.Core.Wire;

/// <summary>Collects one serialized message into a byte array; backs the byte[] view of a contextual marshaller.</summary>
internal sealed class ByteArraySerializationContext : SerializationContext
{
    private byte[]? _payload;
    private ArrayBufferWriter<byte>? _writer;

    public override void Complete(byte[] payload) => _payload = payload;

    public override IBufferWriter<byte> GetBufferWriter() => _writer ??= new ArrayBufferWriter<byte>();

    public override void SetPayloadLength(int payloadLength) => _writer ??= new ArrayBufferWriter<byte>(Math.Max(payloadLength, 1));

    public override void Complete()
    {
    }

    public byte[] GetPayload() => _payload ?? _writer?.WrittenSpan.ToArray() ?? [];
}
