using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Platform.Redis.Protocol;

/// <summary>
/// Encodes a command as a RESP array of bulk strings straight into the connection's output buffer:
/// one size estimate, one buffer request, no intermediate copies of keys or values.
/// </summary>
internal static class RespCommandWriter
{
    // "*" or "$", up to 20 digits, CRLF.
    private const int MaxHeader = 1 + 20 + 2;
    private const int MaxInt64Digits = 20;
    private const int MaxDoubleChars = 32;

    public static void Write(IBufferWriter<byte> output, CommandName name, ReadOnlySpan<RedisValue> args)
    {
        var size = MaxHeader + name.Encoded.Length;
        foreach (var arg in args)
        {
            size += MaxBulkSize(arg);
        }

        var span = output.GetSpan(size);
        var written = WriteHeader(span, RespPrefix.Array, args.Length + 1);
        name.Encoded.CopyTo(span[written..]);
        written += name.Encoded.Length;
        foreach (var arg in args)
        {
            written += WriteBulk(span[written..], arg);
        }

        output.Advance(written);
    }

    internal static int WriteHeader(Span<byte> destination, byte prefix, long value)
    {
        destination[0] = prefix;
        Utf8Formatter.TryFormat(value, destination[1..], out var digits);
        destination[1 + digits] = (byte)'\r';
        destination[2 + digits] = (byte)'\n';
        return digits + 3;
    }

    private static int MaxBulkSize(in RedisValue value) => MaxHeader + 2 + value.Kind switch
    {
        RedisValueKind.String => Encoding.UTF8.GetMaxByteCount(value.AsStringUnchecked.Length),
        RedisValueKind.Bytes => value.AsBytesUnchecked.Length,
        RedisValueKind.Int64 => MaxInt64Digits,
        RedisValueKind.Double => MaxDoubleChars,
        _ => 0,
    };

    private static int WriteBulk(Span<byte> destination, in RedisValue value)
    {
        switch (value.Kind)
        {
            case RedisValueKind.String:
                var text = value.AsStringUnchecked;
                return WriteBulk(destination, Encoding.UTF8.GetByteCount(text), text);
            case RedisValueKind.Bytes:
                return WriteBulk(destination, value.AsBytesUnchecked);
            case RedisValueKind.Int64:
                Span<byte> digits = stackalloc byte[MaxInt64Digits];
                Utf8Formatter.TryFormat(value.AsInt64Unchecked, digits, out var length);
                return WriteBulk(destination, digits[..length]);
            case RedisValueKind.Double:
                Span<byte> number = stackalloc byte[MaxDoubleChars];
                return WriteBulk(destination, number[..RespNumbers.FormatDouble(value.AsDoubleUnchecked, number)]);
            default:
                return WriteBulk(destination, ReadOnlySpan<byte>.Empty); // Redis has no null argument; send "".
        }
    }

    private static int WriteBulk(Span<byte> destination, ReadOnlySpan<byte> payload)
    {
        var written = WriteHeader(destination, RespPrefix.BulkString, payload.Length);
        payload.CopyTo(destination[written..]);
        written += payload.Length;
        destination[written++] = (byte)'\r';
        destination[written++] = (byte)'\n';
        return written;
    }

    private static int WriteBulk(Span<byte> destination, int byteCount, string text)
    {
        var written = WriteHeader(destination, RespPrefix.BulkString, byteCount);
        written += Encoding.UTF8.GetBytes(text, destination[written..]);
        destination[written++] = (byte)'\r';
        destination[written++] = (byte)'\n';
        return written;
    }
}
