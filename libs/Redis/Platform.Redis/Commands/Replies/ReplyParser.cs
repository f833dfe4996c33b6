using Platform.Redis.Protocol;

namespace Platform.Redis.Commands.Replies;

/// <summary>
/// Turns one reply into a command's result type. Runs on the connection's reader loop with the frame
/// still in the receive buffer, so parsers must copy out whatever they keep. Top-level error replies
/// never reach a parser; they become <see cref="RedisServerException"/> before it.
/// </summary>
internal abstract class ReplyParser<T>
{
    public abstract T Parse(ref RespReader reader, in RespToken token);
}
