using Platform.Redis.Commands.Replies;
using Platform.Redis.Protocol;

namespace Platform.Redis;

internal abstract partial class RedisCommandSet
{
    public virtual ValueTask<RedisResult> ScriptEvaluateAsync(LuaScript script, RedisKey[]? keys = null, RedisValue[]? values = null,
        CancellationToken cancellationToken = default) =>
        ScriptEvaluateAsync(script.Source, keys, values, cancellationToken);

    public ValueTask<RedisResult> ScriptEvaluateAsync(string script, RedisKey[]? keys = null, RedisValue[]? values = null,
        CancellationToken cancellationToken = default) =>
        Send(CommandNames.Eval, ResultParser.Instance, cancellationToken, ScriptArguments(script, keys, values));

    /// <summary>script-or-sha numkeys key... arg...</summary>
    private protected static RedisValue[] ScriptArguments(RedisValue scriptOrSha, RedisKey[]? keys, RedisValue[]? values)
    {
        keys ??= [];
        values ??= [];
        var arguments = new RedisValue[2 + keys.Length + values.Length];
        arguments[0] = scriptOrSha;
        arguments[1] = keys.Length;
        for (var i = 0; i < keys.Length; i++)
        {
            arguments[2 + i] = keys[i].AsValue();
        }

        values.CopyTo(arguments, 2 + keys.Length);
        return arguments;
    }
}
