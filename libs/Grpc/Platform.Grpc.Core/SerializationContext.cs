using System.Buffers;

namespace Grpc.Core;

/// <summary>
/// Given to a marshaller to write one message. A serializer either calls <see cref="Complete(byte[])"/>
/// once, or sets the length, writes into <see cref="GetBufferWriter"/> and calls <see cref="Complete()"/>.
/// </summary>
public abstract class SerializationContext
{
    public virtual void Complete(byte[] payload) => throw new NotImplementedException();

    public virtual IBufferWriter<byte> GetBufferWriter() => throw new NotImplementedException();

    /// <summary>Optional hint given before writing to the buffer writer, so the transport can size the frame.</summary>
    public virtual void SetPayloadLength(int payloadLength)
    {
    }

    public virtual void Complete() => throw new NotImplementedException();
}
