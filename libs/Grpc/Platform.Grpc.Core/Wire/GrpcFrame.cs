using System.Buffers;
using System.Buffers.Binary;

namespace Grpc.Core.Wire;

/// <summary>
/// The 5-byte prefix of every gRPC message: a compressed flag byte, then the payload length as a big-endian uint32.
/// </summary>
internal static class GrpcFrame
{
    public const int HeaderLength = 5;

    public static void WriteHeader(Span<byte> destination, bool compressed, int payloadLength)
    {
        destination[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)payloadLength);
    }

    /// <summary>Reads the prefix when at least 5 bytes are buffered; flag values other than 0/1 are reported as-is.</summary>
    public static bool TryReadHeader(in ReadOnlySequence<byte> buffer, out byte compressedFlag, out uint payloadLength)
    {
        if (buffer.Length < HeaderLength)
        {
            compressedFlag = 0;
            payloadLength = 0;
            return false;
        }

        var first = buffer.FirstSpan;
        if (first.Length >= HeaderLength)
        {
            return TryReadHeader(first, out compressedFlag, out payloadLength);
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        buffer.Slice(0, HeaderLength).CopyTo(header);
        return TryReadHeader(header, out compressedFlag, out payloadLength);
    }

    public static bool TryReadHeader(ReadOnlySpan<byte> buffer, out byte compressedFlag, out uint payloadLength)
    {
        if (buffer.Length < HeaderLength)
        {
            compressedFlag = 0;
            payloadLength = 0;
            return false;
        }

        compressedFlag = buffer[0];
        payloadLength = BinaryPrimitives.ReadUInt32BigEndian(buffer[1..]);
        return true;
    }
}
