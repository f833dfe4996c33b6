namespace Platform.Redis;

/// <summary>The bytes from the server are not valid RESP, or not the reply shape a command expects.</summary>
public sealed class RedisProtocolException : RedisException
{
    public RedisProtocolException(string message) : base(message) { }
}
