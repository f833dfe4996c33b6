using System.Runtime.InteropServices;
using System.Text;

namespace Platform.Redis;

/// <summary>
/// A Redis value: text, bytes or a number, converted to the wire form only when written. Mirrors the
/// shape of StackExchange.Redis's <c>RedisValue</c> so code can move between the two.
/// </summary>
public readonly partial struct RedisValue : IEquatable<RedisValue>
{
    // One reference plus one 64-bit slot keeps the struct at 24 bytes: the slot holds the integer, the
    // double's bits, or the offset/length of a byte[] segment (so array-backed memory is never copied).
    private readonly object? _object;
    private readonly long _bits;
    private readonly RedisValueKind _kind;

    private RedisValue(object? obj, long bits, RedisValueKind kind)
    {
        _object = obj;
        _bits = bits;
        _kind = kind;
    }

    public static RedisValue Null => default;

    public static RedisValue EmptyString { get; } = new(string.Empty, 0, RedisValueKind.String);

    internal RedisValueKind Kind => _kind;

    public bool IsNull => _kind == RedisValueKind.Null;

    public bool HasValue => _kind != RedisValueKind.Null;

    public bool IsInteger => _kind == RedisValueKind.Int64;

    public bool IsNullOrEmpty => _kind switch
    {
        RedisValueKind.Null => true,
        RedisValueKind.String => ((string)_object!).Length == 0,
        RedisValueKind.Bytes => (int)_bits == 0,
        _ => false,
    };

    internal static RedisValue FromBytes(byte[] bytes) => new(bytes, bytes.Length, RedisValueKind.Bytes);

    internal static RedisValue FromString(string text) => new(text, 0, RedisValueKind.String);

    internal static RedisValue FromInt64(long value) => new(null, value, RedisValueKind.Int64);

    internal static RedisValue FromDouble(double value) => new(null, BitConverter.DoubleToInt64Bits(value), RedisValueKind.Double);

    internal static RedisValue FromMemory(ReadOnlyMemory<byte> memory)
    {
        if (MemoryMarshal.TryGetArray(memory, out var segment))
        {
            return new RedisValue(segment.Array, ((long)segment.Offset << 32) | (uint)segment.Count, RedisValueKind.Bytes);
        }

        return FromBytes(memory.ToArray());
    }

    internal string AsStringUnchecked => (string)_object!;

    internal long AsInt64Unchecked => _bits;

    internal double AsDoubleUnchecked => BitConverter.Int64BitsToDouble(_bits);

    internal ReadOnlySpan<byte> AsBytesUnchecked => new((byte[])_object!, (int)(_bits >> 32), (int)_bits);

    /// <summary>The value's bytes; no copy when the value already holds bytes.</summary>
    public ReadOnlyMemory<byte> AsMemory() => _kind switch
    {
        RedisValueKind.Null => ReadOnlyMemory<byte>.Empty,
        RedisValueKind.Bytes => new ReadOnlyMemory<byte>((byte[])_object!, (int)(_bits >> 32), (int)_bits),
        _ => ToBytes(),
    };

    /// <summary>Length in bytes of the value as sent to Redis.</summary>
    public long Length() => _kind switch
    {
        RedisValueKind.Null => 0,
        RedisValueKind.Bytes => (int)_bits,
        RedisValueKind.String => Encoding.UTF8.GetByteCount(AsStringUnchecked),
        _ => ToBytes().Length,
    };

    public override string ToString() => (string?)this ?? string.Empty;

    private byte[] ToBytes() => _kind switch
    {
        RedisValueKind.Null => [],
        RedisValueKind.Bytes => AsBytesUnchecked.ToArray(),
        RedisValueKind.String => Encoding.UTF8.GetBytes(AsStringUnchecked),
        _ => Encoding.UTF8.GetBytes(ToText()),
    };

    // Text form of the non-null kinds; bytes are decoded as UTF-8.
    private string ToText() => _kind switch
    {
        RedisValueKind.String => AsStringUnchecked,
        RedisValueKind.Bytes => Encoding.UTF8.GetString(AsBytesUnchecked),
        RedisValueKind.Int64 => _bits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RedisValueKind.Double => RespNumbers.FormatDouble(AsDoubleUnchecked),
        _ => string.Empty,
    };
}

internal enum RedisValueKind : byte
{
    Null,
    String,
    Bytes,
    Int64,
    Double,
}
