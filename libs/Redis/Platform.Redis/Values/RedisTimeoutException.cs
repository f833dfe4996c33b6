namespace Platform.Redis;

/// <summary>
/// No reply arrived within the command's timeout. The command may still run on the server; its late
/// reply is read and discarded so the connection stays usable.
/// </summary>
public sealed class RedisTimeoutException : TimeoutException
{
    public RedisTimeoutException(string message) : base(message) { }
}
