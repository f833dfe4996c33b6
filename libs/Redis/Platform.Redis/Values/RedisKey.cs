using System.Text;

namespace Platform.Redis;

/// <summary>A key, as text or bytes. Mirrors StackExchange.Redis's <c>RedisKey</c>.</summary>
public readonly struct RedisKey : IEquatable<RedisKey>
{
    private readonly RedisValue _value;

    private RedisKey(RedisValue value) => _value = value;

    public bool IsNull => _value.IsNull;

    public static implicit operator RedisKey(string? key) => new(key);

    public static implicit operator RedisKey(byte[]? key) => new(key);

    public static implicit operator RedisKey(ReadOnlyMemory<byte> key) => new(key);

    public static implicit operator string?(RedisKey key) => key._value;

    public static implicit operator byte[]?(RedisKey key) => key._value;

    public static bool operator ==(RedisKey left, RedisKey right) => left.Equals(right);

    public static bool operator !=(RedisKey left, RedisKey right) => !left.Equals(right);

    /// <summary>A key made of this key's bytes followed by the suffix's.</summary>
    public RedisKey Append(string suffix) => _value.Kind == RedisValueKind.String
        ? _value.AsStringUnchecked + suffix
        : (byte[])[.. _value.AsMemory().Span, .. Encoding.UTF8.GetBytes(suffix)];

    internal RedisValue AsValue() => _value.IsNull ? throw new ArgumentNullException("key", "A Redis key cannot be null.") : _value;

    public bool Equals(RedisKey other) => _value.Equals(other._value);

    public override bool Equals(object? obj) => obj is RedisKey other && Equals(other);

    public override int GetHashCode() => _value.GetHashCode();

    public override string ToString() => _value.ToString();
}
