using System.Diagnostics;
using Platform.Redis.Commands;
using Platform.Redis.Commands.Replies;
using Platform.Redis.Protocol;

namespace Platform.Redis;

/// <summary>Sends every command as soon as it is built, on the connection's shared pipeline.</summary>
internal sealed class RedisDatabase : RedisCommandSet, IRedisDatabase
{
    private readonly RedisConnection _connection;

    public RedisDatabase(RedisConnection connection) => _connection = connection;

    public int Database => _connection.Options.DefaultDatabase;

    public async ValueTask<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await Send(CommandNames.Ping, ValueParser.Instance, cancellationToken);
        return Stopwatch.GetElapsedTime(started);
    }

    public ValueTask<string> ScriptLoadAsync(string script, CancellationToken cancellationToken = default) =>
        Send(CommandNames.Script, StringParser.Instance, cancellationToken, "LOAD", script);

    public async ValueTask FlushDatabaseAsync(CancellationToken cancellationToken = default)
    {
        if (!_connection.Options.AllowAdmin)
        {
            throw new InvalidOperationException("FLUSHDB is an admin command: add allowAdmin=true to the connection string to use it.");
        }

        await Send(CommandNames.FlushDb, OkParser.Instance, cancellationToken);
    }

    public IRedisTransaction CreateTransaction() => new RedisTransaction(_connection);

    /// <summary>EVALSHA; on NOSCRIPT (cache flushed or server restarted) loads the script and retries once.</summary>
    public override async ValueTask<RedisResult> ScriptEvaluateAsync(LuaScript script, RedisKey[]? keys = null, RedisValue[]? values = null,
        CancellationToken cancellationToken = default)
    {
        var arguments = ScriptArguments(script.Sha1, keys, values);
        try
        {
            return await Send(CommandNames.EvalSha, ResultParser.Instance, cancellationToken, arguments);
        }
        catch (RedisServerException error) when (error.HasPrefix("NOSCRIPT"))
        {
            await ScriptLoadAsync(script.Source, cancellationToken);
            return await Send(CommandNames.EvalSha, ResultParser.Instance, cancellationToken, arguments);
        }
    }

    private protected override ValueTask<T> Dispatch<T>(PendingCommand<T> command, CancellationToken cancellationToken) =>
        _connection.SendAsync(command, cancellationToken);
}
