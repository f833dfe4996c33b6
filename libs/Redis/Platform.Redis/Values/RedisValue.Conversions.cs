using System.Buffers.Text;
using System.Globalization;

namespace Platform.Redis;

public readonly partial struct RedisValue
{
    public static implicit operator RedisValue(string? value) => value is null ? Null : FromString(value);

    public static implicit operator RedisValue(byte[]? value) => value is null ? Null : FromBytes(value);

    public static implicit operator RedisValue(ReadOnlyMemory<byte> value) => FromMemory(value);

    public static implicit operator RedisValue(long value) => FromInt64(value);

    public static implicit operator RedisValue(int value) => FromInt64(value);

    public static implicit operator RedisValue(long? value) => value is null ? Null : FromInt64(value.Value);

    public static implicit operator RedisValue(int? value) => value is null ? Null : FromInt64(value.Value);

    public static implicit operator RedisValue(double value) => FromDouble(value);

    public static implicit operator RedisValue(double? value) => value is null ? Null : FromDouble(value.Value);

    public static implicit operator RedisValue(bool value) => FromInt64(value ? 1 : 0);

    public static implicit operator string?(RedisValue value) => value.IsNull ? null : value.ToText();

    public static implicit operator byte[]?(RedisValue value) => value.IsNull ? null : value.ToBytes();

    public static explicit operator long(RedisValue value) =>
        value.TryParse(out long result) ? result : throw new InvalidCastException($"'{value}' is not an integer.");

    public static explicit operator int(RedisValue value) => checked((int)(long)value);

    public static explicit operator double(RedisValue value) =>
        value.TryParse(out double result) ? result : throw new InvalidCastException($"'{value}' is not a number.");

    public static explicit operator long?(RedisValue value) => value.IsNull ? null : (long)value;

    public static explicit operator double?(RedisValue value) => value.IsNull ? null : (double)value;

    public static explicit operator bool(RedisValue value) => (long)value != 0;

    /// <summary>Parses the value as a 64-bit integer, as Redis would (no spaces, no exponent).</summary>
    public bool TryParse(out long result)
    {
        switch (_kind)
        {
            case RedisValueKind.Int64:
                result = _bits;
                return true;
            case RedisValueKind.Double:
                var d = AsDoubleUnchecked;
                result = (long)d;
                return result == d;
            case RedisValueKind.Bytes:
                return Utf8Parser.TryParse(AsBytesUnchecked, out result, out var consumed) && consumed == (int)_bits;
            case RedisValueKind.String:
                return long.TryParse(AsStringUnchecked, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
            default:
                result = 0;
                return false;
        }
    }

    /// <summary>Parses the value as a double, accepting Redis's <c>inf</c>/<c>-inf</c> spellings.</summary>
    public bool TryParse(out double result)
    {
        switch (_kind)
        {
            case RedisValueKind.Int64:
                result = _bits;
                return true;
            case RedisValueKind.Double:
                result = AsDoubleUnchecked;
                return true;
            case RedisValueKind.Bytes:
                return RespNumbers.TryParseDouble(AsBytesUnchecked, out result);
            case RedisValueKind.String:
                return RespNumbers.TryParseDouble(AsStringUnchecked, out result);
            default:
                result = 0;
                return false;
        }
    }
}
