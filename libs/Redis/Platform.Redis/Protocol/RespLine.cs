using System.Buffers;
using System.Buffers.Text;

namespace Platform.Redis.Protocol;

/// <summary>Reads the CRLF-terminated header lines that start every RESP value.</summary>
internal static class RespLine
{
    // Longest header we accept for a length: "-9223372036854775808" plus slack.
    private const int MaxNumberLine = 32;

    /// <summary>Reads a line up to CRLF (consumed, not returned). False when the CRLF has not arrived yet.</summary>
    public static bool TryRead(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> line)
    {
        if (!reader.TryReadTo(out line, (byte)'\n'))
        {
            return false;
        }

        if (line.IsEmpty || !EndsWithCarriageReturn(line))
        {
            throw new RedisProtocolException("A RESP line did not end with CRLF.");
        }

        line = line.Slice(0, line.Length - 1);
        return true;
    }

    /// <summary>Reads a line holding one signed integer (a length or an integer reply).</summary>
    public static bool TryReadInt64(ref SequenceReader<byte> reader, out long value)
    {
        if (!TryRead(ref reader, out var line))
        {
            value = 0;
            return false;
        }

        value = ParseInt64(line);
        return true;
    }

    public static long ParseInt64(in ReadOnlySequence<byte> text)
    {
        if (text.IsSingleSegment)
        {
            return ParseInt64(text.FirstSpan);
        }

        if (text.Length > MaxNumberLine)
        {
            throw new RedisProtocolException("A RESP integer is too long.");
        }

        Span<byte> copy = stackalloc byte[MaxNumberLine];
        text.CopyTo(copy);
        return ParseInt64(copy[..(int)text.Length]);
    }

    public static long ParseInt64(ReadOnlySpan<byte> text)
    {
        if (Utf8Parser.TryParse(text, out long value, out var consumed) && consumed == text.Length && consumed > 0)
        {
            return value;
        }

        throw new RedisProtocolException($"'{System.Text.Encoding.ASCII.GetString(text)}' is not a RESP integer.");
    }

    private static bool EndsWithCarriageReturn(in ReadOnlySequence<byte> line)
    {
        if (line.IsSingleSegment)
        {
            return line.FirstSpan[^1] == (byte)'\r';
        }

        return line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r';
    }
}
