using Npgsql;

namespace Platform.Agents.Tests.Infrastructure;

/// <summary>The budget service's ledger, read from its PostgreSQL tables (the chain shares one database).</summary>
public static class Ledger
{
    public const short Grant = 1;
    public const short Commit = 2;
    public const short Release = 3;
    public const short Expire = 4;

    /// <summary>One ledger entry of a reservation made for an agents task (task id and request id come from its grant).</summary>
    public sealed record Entry(short Type, string ReservationId, string TaskId, string RequestId, string Model, long Tokens, long CostMicros);

    public static async Task<List<Entry>> ForTasksAsync(NpgsqlDataSource database, string[] taskIds)
    {
        await using var command = database.CreateCommand("""
            SELECT e.type, e.reservation_id, g.task_id, g.request_id, g.model, e.tokens, e.cost_micros
            FROM budget.ledger_entries e
            JOIN budget.ledger_entries g ON g.reservation_id = e.reservation_id AND g.type = 1
            WHERE g.task_id = ANY(@tasks)
            ORDER BY e.entry_ms, e.entry_seq
            """);
        command.Parameters.AddWithValue("tasks", taskIds);
        var entries = new List<Entry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            entries.Add(new Entry(reader.GetInt16(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5), reader.GetInt64(6)));
        return entries;
    }

    /// <summary>Reads until the ledger stops changing and <paramref name="done"/> holds (it is written asynchronously from a stream).</summary>
    public static async Task<List<Entry>> SettledForTasksAsync(NpgsqlDataSource database, string[] taskIds, Func<List<Entry>, bool> done, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        var last = -1;
        while (true)
        {
            var entries = await ForTasksAsync(database, taskIds);
            if (entries.Count == last && done(entries))
                return entries;
            if (DateTime.UtcNow > until)
                return entries;
            last = entries.Count;
            await Task.Delay(1000);
        }
    }
}
