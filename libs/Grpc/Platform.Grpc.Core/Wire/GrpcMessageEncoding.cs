using System.Buffers;
using System.Text;

namespace Grpc.Core.Wire;

/// <summary>
/// Percent-encoding of grpc-message: UTF-8 bytes outside 0x20-0x7E, and '%' itself, are written as %XX.
/// Decoding is lenient, as the spec asks: a malformed escape is kept literally.
/// </summary>
internal static class GrpcMessageEncoding
{
    private const int StackLimit = 256;

    public static string Encode(string message)
    {
        if (!NeedsEncoding(message))
        {
            return message;
        }

        var maxBytes = Encoding.UTF8.GetMaxByteCount(message.Length);
        byte[]? rented = null;
        var utf8 = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var byteCount = Encoding.UTF8.GetBytes(message, utf8);
            Span<char> chars = byteCount * 3 <= StackLimit ? stackalloc char[StackLimit] : new char[byteCount * 3];
            var position = 0;
            foreach (var b in utf8[..byteCount])
            {
                if (IsUnreserved(b))
                {
                    chars[position++] = (char)b;
                }
                else
                {
                    chars[position++] = '%';
                    chars[position++] = ToHex(b >> 4);
                    chars[position++] = ToHex(b & 0xF);
                }
            }

            return new string(chars[..position]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static string Decode(string value)
    {
        if (!value.Contains('%'))
        {
            return value;
        }

        byte[]? rented = null;
        var bytes = value.Length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(value.Length));
        try
        {
            var count = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == '%' && i + 2 < value.Length && TryFromHex(value[i + 1], out var high) && TryFromHex(value[i + 2], out var low))
                {
                    bytes[count++] = (byte)((high << 4) | low);
                    i += 2;
                }
                else
                {
                    // Header values are ASCII; anything wider is passed through as '?' rather than failing the call.
                    bytes[count++] = c <= 0x7F ? (byte)c : (byte)'?';
                }
            }

            return Encoding.UTF8.GetString(bytes[..count]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool NeedsEncoding(string message)
    {
        foreach (var c in message)
        {
            if (c is < ' ' or > '~' or '%')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnreserved(byte b) => b is >= 0x20 and <= 0x7E and not (byte)'%';

    private static char ToHex(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);

    private static bool TryFromHex(char c, out int value)
    {
        value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'A' and <= 'F' => c - 'A' + 10,
            >= 'a' and <= 'f' => c - 'a' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
