namespace Platform.Redis;

/// <summary>An error reply from the server (for example <c>WRONGTYPE</c>, <c>NOSCRIPT</c>, <c>BUSYGROUP</c>).</summary>
public sealed class RedisServerException : RedisException
{
    public RedisServerException(string message) : base(message)
    {
        var space = message.IndexOf(' ');
        ErrorPrefix = space < 0 ? message : message[..space];
    }

    /// <summary>The error code Redis puts first in the message: <c>ERR</c>, <c>WRONGTYPE</c>, <c>NOSCRIPT</c>...</summary>
    public string ErrorPrefix { get; }

    public bool HasPrefix(string prefix) => string.Equals(ErrorPrefix, prefix, StringComparison.Ordinal);
}
