namespace Platform.Redis;

/// <summary>
/// The connection could not be established, or it died while the command was in flight. A command
/// that fails this way may or may not have been executed by the server.
/// </summary>
public sealed class RedisConnectionException : RedisException
{
    public RedisConnectionException(string message, Exception? innerException = null) : base(message, innerException) { }
}
