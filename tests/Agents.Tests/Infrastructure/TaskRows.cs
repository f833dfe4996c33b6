using Npgsql;
using Platform.Agents.V1;

namespace Platform.Agents.Tests.Infrastructure;

/// <summary>Reads the agents service's own tables, to check a whole fleet of tasks at once.</summary>
public static class TaskRows
{
    public sealed record Step(string TaskId, int Number, string RequestId);

    public static async Task<Dictionary<TaskState, int>> StatesAsync(NpgsqlDataSource database, string[] taskIds) =>
        await CountAsync(database, "state", taskIds, value => (TaskState)value);

    public static async Task<Dictionary<TaskOutcome, int>> OutcomesAsync(NpgsqlDataSource database, string[] taskIds) =>
        await CountAsync(database, "outcome", taskIds, value => (TaskOutcome)value);

    /// <summary>Waits (bounded) until every task is FINISHED; returns how many are.</summary>
    public static async Task<int> WaitAllFinishedAsync(NpgsqlDataSource database, string[] taskIds, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var finished = (await StatesAsync(database, taskIds)).GetValueOrDefault(TaskState.Finished);
            if (finished == taskIds.Length || DateTime.UtcNow > until)
                return finished;
            await Task.Delay(1000);
        }
    }

    /// <summary>Outcome, reason (first 120 characters) and count of the tasks, for failure messages.</summary>
    public static async Task<string> SummaryAsync(NpgsqlDataSource database, string[] taskIds)
    {
        await using var command = database.CreateCommand("""
            SELECT outcome, left(outcome_reason, 160) AS reason, count(*) FROM agents.tasks WHERE task_id = ANY(@ids)
            GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 15
            """);
        command.Parameters.AddWithValue("ids", taskIds);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add($"{(TaskOutcome)reader.GetInt16(0)} x{reader.GetInt64(2)}: {reader.GetString(1)}");
        return string.Join('\n', lines);
    }

    public static async Task<List<Step>> StepsAsync(NpgsqlDataSource database, string[] taskIds)
    {
        await using var command = database.CreateCommand("SELECT task_id, step_number, request_id FROM agents.steps WHERE task_id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", taskIds);
        var steps = new List<Step>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            steps.Add(new Step(reader.GetString(0), reader.GetInt32(1), reader.GetString(2)));
        return steps;
    }

    /// <summary>The workers that started each task (from its TaskStarted events), by task.</summary>
    public static async Task<Dictionary<string, List<string>>> WorkersAsync(NpgsqlDataSource database, string[] taskIds)
    {
        await using var command = database.CreateCommand("SELECT task_id, event FROM agents.task_events WHERE task_id = ANY(@ids) ORDER BY task_id, sequence");
        command.Parameters.AddWithValue("ids", taskIds);
        var workers = new Dictionary<string, List<string>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var taskEvent = TaskEvent.Parser.ParseFrom(reader.GetFieldValue<byte[]>(1));
            if (taskEvent.KindCase == TaskEvent.KindOneofCase.Started)
                (workers.TryGetValue(reader.GetString(0), out var list) ? list : workers[reader.GetString(0)] = []).Add(taskEvent.Started.WorkerId);
        }
        return workers;
    }

    public static async Task<int> RunningOnAsync(NpgsqlDataSource database, string[] taskIds, string owner)
    {
        await using var command = database.CreateCommand("SELECT count(*) FROM agents.tasks WHERE task_id = ANY(@ids) AND state = 2 AND owner = @owner");
        command.Parameters.AddWithValue("ids", taskIds);
        command.Parameters.AddWithValue("owner", owner);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<Dictionary<T, int>> CountAsync<T>(NpgsqlDataSource database, string column, string[] taskIds, Func<short, T> map) where T : notnull
    {
        await using var command = database.CreateCommand($"SELECT {column}, count(*) FROM agents.tasks WHERE task_id = ANY(@ids) GROUP BY {column}");
        command.Parameters.AddWithValue("ids", taskIds);
        var counts = new Dictionary<T, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            counts[map(reader.GetInt16(0))] = (int)reader.GetInt64(1);
        return counts;
    }
}
