using System.Security.Cryptography;
using System.Text;

namespace Platform.Redis;

/// <summary>
/// A Lua script and its SHA1, computed once. Keep one instance per script (a static field) and run it
/// with <see cref="IRedisCommands.ScriptEvaluateAsync(LuaScript, RedisKey[], RedisValue[], CancellationToken)"/>:
/// it is sent by SHA1 and reloaded only if the server no longer has it.
/// </summary>
public sealed class LuaScript
{
    public LuaScript(string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        Source = source;
        Sha1 = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(source)));
    }

    public string Source { get; }

    /// <summary>Lower-case hex SHA1 of the UTF-8 source, as SCRIPT LOAD returns it.</summary>
    public string Sha1 { get; }

    public override string ToString() => Sha1;
}
