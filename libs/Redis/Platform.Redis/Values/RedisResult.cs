namespace Platform.Redis;

/// <summary>
/// A reply of any shape, for <c>ExecuteAsync</c> and scripts: a scalar, an error, or a tree of
/// nested results. Mirrors the conversions of StackExchange.Redis's <c>RedisResult</c>.
/// </summary>
public sealed class RedisResult
{
    private static readonly RedisResult[] NoElements = [];

    private readonly RedisValue _value;
    private readonly RedisResult[] _elements;
    private readonly string? _error;

    private RedisResult(RedisResultType type, RedisValue value, RedisResult[]? elements, string? error)
    {
        Type = type;
        _value = value;
        _elements = elements ?? NoElements;
        _error = error;
    }

    public static RedisResult NullResult { get; } = new(RedisResultType.Null, RedisValue.Null, null, null);

    public RedisResultType Type { get; }

    public bool IsNull => Type == RedisResultType.Null;

    public bool IsError => Type == RedisResultType.Error;

    /// <summary>Number of nested results (0 for scalars). A map's keys and values are separate elements.</summary>
    public int Length => _elements.Length;

    public RedisResult this[int index] => _elements[index];

    public IReadOnlyList<RedisResult> Elements => _elements;

    internal static RedisResult Scalar(RedisResultType type, RedisValue value) => new(type, value, null, null);

    internal static RedisResult Aggregate(RedisResultType type, RedisResult[] elements) => new(type, RedisValue.Null, elements, null);

    internal static RedisResult Error(string message) => new(RedisResultType.Error, RedisValue.Null, null, message);

    /// <summary>The scalar value; throws the server's error if this result is one.</summary>
    public RedisValue AsValue()
    {
        ThrowIfError();
        return IsAggregate ? throw new InvalidCastException($"A {Type} reply is not a single value.") : _value;
    }

    public RedisResult[] ToArray()
    {
        ThrowIfError();
        return _elements;
    }

    public RedisValue[] ToValues() => Array.ConvertAll(ToArray(), element => element.AsValue());

    public static explicit operator string?(RedisResult result) => result.AsValue();

    public static explicit operator byte[]?(RedisResult result) => result.AsValue();

    public static explicit operator long(RedisResult result) => (long)result.AsValue();

    public static explicit operator long?(RedisResult result) => (long?)result.AsValue();

    public static explicit operator int(RedisResult result) => (int)result.AsValue();

    public static explicit operator double(RedisResult result) => (double)result.AsValue();

    public static explicit operator double?(RedisResult result) => (double?)result.AsValue();

    public static explicit operator bool(RedisResult result) => (bool)result.AsValue();

    public static explicit operator RedisValue(RedisResult result) => result.AsValue();

    public static explicit operator RedisResult[](RedisResult result) => result.ToArray();

    public static explicit operator RedisValue[](RedisResult result) => result.ToValues();

    public override string ToString() => Type switch
    {
        RedisResultType.Error => _error!,
        _ when IsAggregate => $"{Type}[{_elements.Length}]",
        _ => _value.ToString(),
    };

    private bool IsAggregate => Type is RedisResultType.Array or RedisResultType.Map or RedisResultType.Set or RedisResultType.Push;

    private void ThrowIfError()
    {
        if (Type == RedisResultType.Error)
        {
            throw new RedisServerException(_error!);
        }
    }
}
