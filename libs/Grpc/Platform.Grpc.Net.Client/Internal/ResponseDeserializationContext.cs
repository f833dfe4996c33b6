using System.Buffers;
using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>Presents one received payload (a slice of a pooled buffer) to the response marshaller.</summary>
internal sealed class ResponseDeserializationContext : DeserializationContext
{
    private byte[] _buffer = [];
    private int _length;

    public override int PayloadLength => _length;

    public void SetPayload(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public void Clear() => SetPayload([], 0);

    public override byte[] PayloadAsNewBuffer() => _buffer.AsSpan(0, _length).ToArray();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => new(_buffer, 0, _length);
}
