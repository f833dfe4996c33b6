using System.Buffers;

namespace Grpc.Core.Wire;

/// <summary>Presents a byte array as a message payload.</summary>
internal sealed class ByteArrayDeserializationContext(byte[] payload) : DeserializationContext
{
    public override int PayloadLength => payload.Length;

    public override byte[] PayloadAsNewBuffer() => (byte[])payload.Clone();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => new(payload);
}
