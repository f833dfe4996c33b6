namespace Platform.Redis;

/// <summary>Base type of the errors this client raises for Redis-specific failures.</summary>
public class RedisException : Exception
{
    public RedisException(string message) : base(message) { }

    public RedisException(string message, Exception? innerException) : base(message, innerException) { }
}
