namespace Platform.Redis;

/// <summary>The connection's default database. Thread-safe; every call shares the one multiplexed connection.</summary>
public interface IRedisDatabase : IRedisCommands
{
    /// <summary>The database index commands run against (connection string's defaultDatabase).</summary>
    int Database { get; }

    /// <summary>PING; the round-trip time.</summary>
    ValueTask<TimeSpan> PingAsync(CancellationToken cancellationToken = default);

    /// <summary>SCRIPT LOAD; the script's SHA1 as Redis reports it.</summary>
    ValueTask<string> ScriptLoadAsync(string script, CancellationToken cancellationToken = default);

    /// <summary>FLUSHDB. Requires allowAdmin=true in the connection string.</summary>
    ValueTask FlushDatabaseAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts a MULTI/EXEC batch: queue commands on it, then call its ExecuteAsync.</summary>
    IRedisTransaction CreateTransaction();
}
