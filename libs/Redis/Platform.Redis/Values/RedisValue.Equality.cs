using System.Buffers;
using System.Text;

namespace Platform.Redis;

public readonly partial struct RedisValue
{
    public static bool operator ==(RedisValue left, RedisValue right) => left.Equals(right);

    public static bool operator !=(RedisValue left, RedisValue right) => !left.Equals(right);

    /// <summary>Two values are equal when Redis would store the same bytes for them.</summary>
    public bool Equals(RedisValue other)
    {
        if (_kind == RedisValueKind.Null || other._kind == RedisValueKind.Null)
        {
            return _kind == other._kind;
        }

        if (_kind == other._kind)
        {
            switch (_kind)
            {
                case RedisValueKind.String:
                    return string.Equals(AsStringUnchecked, other.AsStringUnchecked, StringComparison.Ordinal);
                case RedisValueKind.Int64:
                case RedisValueKind.Double:
                    return _bits == other._bits;
                case RedisValueKind.Bytes:
                    return AsBytesUnchecked.SequenceEqual(other.AsBytesUnchecked);
            }
        }

        return AsMemory().Span.SequenceEqual(other.AsMemory().Span);
    }

    public override bool Equals(object? obj) => obj is RedisValue other && Equals(other);

    public override int GetHashCode()
    {
        if (_kind == RedisValueKind.Null)
        {
            return 0;
        }

        // Hash the wire bytes so that equal values of different kinds hash alike.
        var hash = new HashCode();
        if (_kind == RedisValueKind.Bytes)
        {
            hash.AddBytes(AsBytesUnchecked);
            return hash.ToHashCode();
        }

        var text = ToText();
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        var length = Encoding.UTF8.GetBytes(text, rented);
        hash.AddBytes(rented.AsSpan(0, length));
        ArrayPool<byte>.Shared.Return(rented);
        return hash.ToHashCode();
    }
}
