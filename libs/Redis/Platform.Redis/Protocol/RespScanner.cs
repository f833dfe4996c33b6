using System.Buffers;

namespace Platform.Redis.Protocol;

/// <summary>
/// Finds where the next complete RESP value ends without materialising it. The reply loop uses this
/// to cut whole frames out of the socket buffer; only then is a frame handed to its command's parser,
/// which can therefore assume every byte is present.
/// </summary>
internal static class RespScanner
{
    /// <summary>True when <paramref name="buffer"/> starts with a complete value; <paramref name="end"/> is just past it.</summary>
    public static bool TryFindFrameEnd(in ReadOnlySequence<byte> buffer, out SequencePosition end)
    {
        var reader = new SequenceReader<byte>(buffer);
        end = default;

        // Aggregates are walked iteratively: "pending" counts values still to read, so nesting depth
        // costs no stack and partial data just means "come back with more bytes".
        long pending = 1;
        while (pending > 0)
        {
            if (!reader.TryRead(out var prefix))
            {
                return false;
            }

            pending--;
            switch (prefix)
            {
                case RespPrefix.SimpleString or RespPrefix.SimpleError or RespPrefix.Integer or RespPrefix.Null
                    or RespPrefix.Boolean or RespPrefix.Double or RespPrefix.BigNumber:
                    if (!RespLine.TryRead(ref reader, out _))
                    {
                        return false;
                    }

                    break;

                case RespPrefix.BulkString or RespPrefix.BulkError or RespPrefix.VerbatimString:
                    if (!RespLine.TryReadInt64(ref reader, out var length))
                    {
                        return false;
                    }

                    if (length >= 0 && !TrySkipPayload(ref reader, length))
                    {
                        return false;
                    }

                    break;

                case RespPrefix.Array or RespPrefix.Set or RespPrefix.Push or RespPrefix.Map or RespPrefix.Attribute:
                    if (!RespLine.TryReadInt64(ref reader, out var count))
                    {
                        return false;
                    }

                    pending += ElementsToRead(prefix, count);
                    break;

                default:
                    throw new RedisProtocolException($"Unexpected RESP type byte 0x{prefix:X2}.");
            }
        }

        end = reader.Position;
        return true;
    }

    /// <summary>How many values follow an aggregate header (maps hold key and value; an attribute also precedes the value it annotates).</summary>
    internal static long ElementsToRead(byte prefix, long count)
    {
        if (count < 0)
        {
            return prefix == RespPrefix.Array ? 0 : throw new RedisProtocolException("Negative aggregate length.");
        }

        return prefix switch
        {
            RespPrefix.Map => count * 2,
            RespPrefix.Attribute => (count * 2) + 1,
            _ => count,
        };
    }

    private static bool TrySkipPayload(ref SequenceReader<byte> reader, long length)
    {
        if (length > int.MaxValue)
        {
            throw new RedisProtocolException("A RESP bulk string is longer than 2 GiB.");
        }

        if (reader.Remaining < length + 2)
        {
            return false;
        }

        reader.Advance(length);
        if (!reader.IsNext("\r\n"u8, advancePast: true))
        {
            throw new RedisProtocolException("A RESP bulk string did not end with CRLF.");
        }

        return true;
    }
}
