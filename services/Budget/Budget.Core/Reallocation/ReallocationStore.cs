using System.Text.Json;
using Dapper;
using Npgsql;

namespace Platform.Budget.Reallocation;

/// <summary>Runs by idempotency key, so a repeated RunReallocation returns the first run's result.</summary>
public sealed class ReallocationStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(ReallocationRun Run, long LookbackMs)?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, long LookbackMs, string Moves, DateTime RunTime)?>(new CommandDefinition(
            "SELECT reallocation_id, lookback_ms, moves::text, run_time FROM budget.reallocation_runs WHERE idempotency_key = @idempotencyKey",
            new { idempotencyKey }, cancellationToken: cancellationToken));
        if (row is not { } found)
        {
            return null;
        }

        var moves = JsonSerializer.Deserialize<List<ReallocationMove>>(found.Moves, Json) ?? [];
        return (new ReallocationRun(found.Id, moves, new DateTimeOffset(DateTime.SpecifyKind(found.RunTime, DateTimeKind.Utc))), found.LookbackMs);
    }

    /// <summary>Records a run; false when another run already holds the key (the caller then returns that one).</summary>
    public async Task<bool> SaveAsync(string idempotencyKey, long lookbackMs, ReallocationRun run, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO budget.reallocation_runs (idempotency_key, reallocation_id, lookback_ms, moves, run_time)
            VALUES (@idempotencyKey, @id, @lookbackMs, @moves::jsonb, @runTime)
            ON CONFLICT (idempotency_key) DO NOTHING
            """,
            new
            {
                idempotencyKey,
                id = run.ReallocationId,
                lookbackMs,
                moves = JsonSerializer.Serialize(run.Moves, Json),
                runTime = run.RunTime.UtcDateTime,
            },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }
}
