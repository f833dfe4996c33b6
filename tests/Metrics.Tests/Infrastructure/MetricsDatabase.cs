using Npgsql;

namespace Platform.Metrics.Tests.Infrastructure;

/// <summary>Direct reads of the metrics schema, to check what ingestion stored.</summary>
public sealed class MetricsDatabase(string connectionString)
{
    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? 0 : Convert.ToInt64(result);
    }

    public Task<long> CountEventsAsync(string idPrefix) =>
        ScalarAsync("SELECT count(*) FROM metrics.call_events WHERE event_id LIKE @p", ("p", idPrefix + "-%"));

    /// <summary>Sum of a statistic over the roll-up rows of one grain (1 minute, 2 hour, 3 day).</summary>
    public Task<long> SumRollupAsync(string table, string column, short grain) =>
        ScalarAsync($"SELECT coalesce(sum({column}), 0) FROM metrics.{table} WHERE grain = @g", ("g", grain));

    /// <summary>Waits (bounded) until <paramref name="read"/> returns <paramref name="expected"/>; returns the last value read.</summary>
    public static async Task<long> WaitForAsync(Func<Task<long>> read, long expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        long value;
        while ((value = await ReadOrMinusOneAsync(read)) != expected && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        return value;
    }

    // A read during a database outage counts as "not there yet".
    private static async Task<long> ReadOrMinusOneAsync(Func<Task<long>> read)
    {
        try
        {
            return await read();
        }
        catch (NpgsqlException)
        {
            return -1;
        }
    }
}
