using System.Buffers;

namespace Grpc.Core;

/// <summary>Given to a marshaller to read one message; the payload is only valid during the call.</summary>
public abstract class DeserializationContext
{
    public virtual int PayloadLength => 0;

    public virtual byte[] PayloadAsNewBuffer() => throw new NotImplementedException();

    public virtual ReadOnlySequence<byte> PayloadAsReadOnlySequence() => throw new NotImplementedException();
}
