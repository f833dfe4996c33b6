using Npgsql;
using Platform.Postgres.Resilience;

namespace Platform.Agents.Persistence;

/// <summary>
/// The worker side of task ownership in PostgreSQL, the authority on who runs a task: claiming (only
/// when nobody holds a live lease), renewing, handing back, and finding tasks whose queue entry was lost.
/// Lease times use the database clock, so replicas' clocks never disagree about expiry.
/// </summary>
public sealed class TaskLeaseStore(NpgsqlDataSource dataSource, IPostgresResilience resilience)
{
    public async Task<ClaimResult> ClaimAsync(string taskId, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        await resilience.ExecuteAsync(async ct =>
        {
            await using var claim = dataSource.CreateCommand($"""
                UPDATE agents.tasks
                SET state = 2, owner = @owner, lease_expires = now() + @lease, run_attempt = run_attempt + 1,
                    start_time = COALESCE(start_time, now()), update_time = now()
                WHERE task_id = @id AND state <> 3 AND (owner IS NULL OR owner = @owner OR lease_expires < now())
                RETURNING {TaskRowReader.Columns}
                """);
            claim.Parameters.AddWithValue("id", taskId);
            claim.Parameters.AddWithValue("owner", owner);
            claim.Parameters.AddWithValue("lease", lease);
            if (await TaskRowReader.ReadSingleAsync(claim, ct) is { } claimed)
                return new ClaimResult(ClaimStatus.Claimed, claimed);

            await using var state = dataSource.CreateCommand("SELECT state FROM agents.tasks WHERE task_id = @id");
            state.Parameters.AddWithValue("id", taskId);
            return await state.ExecuteScalarAsync(ct) is short s && s != 3
                ? new ClaimResult(ClaimStatus.HeldElsewhere, null)
                : new ClaimResult(ClaimStatus.Gone, null);
        }, idempotent: false, cancellationToken);

    /// <summary>Extends the leases this worker still holds; tasks missing from the answer were taken over.</summary>
    public async Task<IReadOnlyList<LeaseRenewal>> RenewAsync(string owner, string[] taskIds, TimeSpan lease, CancellationToken cancellationToken) =>
        await resilience.ExecuteAsync(async ct =>
        {
            await using var command = dataSource.CreateCommand("""
                UPDATE agents.tasks SET lease_expires = now() + @lease
                WHERE task_id = ANY(@ids) AND owner = @owner AND state = 2
                RETURNING task_id, cancel_requested, cancel_reason
                """);
            command.Parameters.AddWithValue("ids", taskIds);
            command.Parameters.AddWithValue("owner", owner);
            command.Parameters.AddWithValue("lease", lease);
            var renewed = new List<LeaseRenewal>(taskIds.Length);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                renewed.Add(new LeaseRenewal(reader.GetString(0), reader.GetBoolean(1), reader.GetString(2)));
            return (IReadOnlyList<LeaseRenewal>)renewed;
        }, idempotent: true, cancellationToken);

    /// <summary>Gives leases back (graceful shutdown): the tasks stay RUNNING and any worker may claim them at once.</summary>
    public async Task ReleaseAsync(string owner, string[] taskIds, CancellationToken cancellationToken) =>
        await resilience.ExecuteAsync(async ct =>
        {
            await using var command = dataSource.CreateCommand(
                "UPDATE agents.tasks SET owner = NULL, lease_expires = NULL, update_time = now() WHERE task_id = ANY(@ids) AND owner = @owner AND state = 2");
            command.Parameters.AddWithValue("ids", taskIds);
            command.Parameters.AddWithValue("owner", owner);
            await command.ExecuteNonQueryAsync(ct);
        }, idempotent: true, cancellationToken);

    /// <summary>
    /// Tasks that should be in the queue but may not be: RUNNING with a lease long expired (its entry was
    /// not reclaimed), RUNNING and handed back but not picked up, or QUEUED for long. They are touched
    /// (so the next sweep skips them) and returned to be queued again; a duplicate entry is harmless,
    /// since only one claim can win.
    /// </summary>
    public async Task<IReadOnlyList<(string TaskId, int Tier)>> TakeStaleAsync(TimeSpan leaseGrace, TimeSpan requeueAfter, int limit, CancellationToken cancellationToken) =>
        await resilience.ExecuteAsync(async ct =>
        {
            await using var command = dataSource.CreateCommand("""
                UPDATE agents.tasks t SET owner = NULL, lease_expires = NULL, update_time = now()
                FROM (SELECT task_id FROM agents.tasks
                      WHERE state <> 3 AND (
                            (state = 2 AND lease_expires < now() - @grace)
                         OR (state = 2 AND owner IS NULL AND update_time < now() - @requeue)
                         OR (state = 1 AND update_time < now() - @requeue))
                      ORDER BY update_time LIMIT @limit FOR UPDATE SKIP LOCKED) stale
                WHERE t.task_id = stale.task_id
                RETURNING t.task_id, t.tier
                """);
            command.Parameters.AddWithValue("grace", leaseGrace);
            command.Parameters.AddWithValue("requeue", requeueAfter);
            command.Parameters.AddWithValue("limit", limit);
            var stale = new List<(string, int)>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                stale.Add((reader.GetString(0), reader.GetInt16(1)));
            return (IReadOnlyList<(string, int)>)stale;
        }, idempotent: true, cancellationToken);
}
