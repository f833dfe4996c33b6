using Npgsql;
using Platform.Postgres.Resilience;
using Platform.Testing.Postgres;

namespace Postgres.Tests;

/// <summary>Restarts its own server, so no other test sees the outage.</summary>
public sealed class RetryTests : IAsyncLifetime
{
    // Generous, so the restart fits on a loaded CI box; these bound waiting, they assert nothing.
    private static readonly PostgresResilienceOptions Patient = new()
    {
        MaxRetryAttempts = 40,
        BaseDelay = TimeSpan.FromMilliseconds(50),
        MaxDelay = TimeSpan.FromSeconds(1),
        TotalTimeout = TimeSpan.FromMinutes(2),
    };

    private PostgresServer _server = null!;
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartNewAsync();
        var database = await _server.CreateDatabaseAsync();
        await Sql.ExecuteAsync(database, "CREATE TABLE agents (id text PRIMARY KEY)");
        _dataSource = NpgsqlDataSource.Create(database);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_server_restart_in_the_middle_of_an_operation_is_retried_until_it_succeeds()
    {
        var resilience = new PostgresResilience(Patient);
        var firstAttemptRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = 0;

        var operation = resilience.ExecuteAsync(async cancellationToken =>
        {
            var attempt = Interlocked.Increment(ref attempts);
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            // The first attempt is still running on the server when the restart hits it.
            await using var command = new NpgsqlCommand(attempt == 1 ? "SELECT pg_sleep(120)::text || 'late'" : "SELECT 'done'", connection);
            if (attempt == 1)
            {
                firstAttemptRunning.SetResult();
            }

            return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }).AsTask();

        await firstAttemptRunning.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await _server.StopAsync();
        await _server.StartAsync();

        Assert.Equal("done", await operation.WaitAsync(TimeSpan.FromMinutes(3)));
        Assert.True(attempts >= 2, $"expected a retry, saw {attempts} attempt(s)");
    }

    [Fact]
    public async Task A_unique_violation_is_not_retried()
    {
        var resilience = new PostgresResilience(Patient);
        await InsertAgentAsync("order_processing", CancellationToken.None);
        var attempts = 0;

        var failure = await Assert.ThrowsAsync<PostgresException>(async () => await resilience.ExecuteAsync(async cancellationToken =>
        {
            Interlocked.Increment(ref attempts);
            await InsertAgentAsync("order_processing", cancellationToken);
        }, idempotent: true));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, failure.SqlState);
        Assert.Equal(1, attempts);
    }

    [Theory]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    [InlineData(PostgresErrorCodes.DeadlockDetected)]
    public async Task Serialization_failures_and_deadlocks_are_retried_only_for_idempotent_operations(string sqlState)
    {
        var resilience = new PostgresResilience(Patient);

        Assert.Equal(1, await CountAttemptsFailingOnceWithAsync(resilience, sqlState, idempotent: false));
        Assert.Equal(2, await CountAttemptsFailingOnceWithAsync(resilience, sqlState, idempotent: true));
    }

    [Fact]
    public void Connection_failures_are_transient_and_data_errors_are_not()
    {
        var refused = new NpgsqlException("connect", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
        var adminShutdown = new PostgresException("terminating", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown);
        var checkViolation = new PostgresException("check", "ERROR", "ERROR", PostgresErrorCodes.CheckViolation);

        Assert.True(PostgresTransientErrors.IsTransient(refused, idempotent: false));
        Assert.True(PostgresTransientErrors.IsTransient(adminShutdown, idempotent: false));
        Assert.False(PostgresTransientErrors.IsTransient(checkViolation, idempotent: true));
        Assert.False(PostgresTransientErrors.IsTransient(new InvalidOperationException(), idempotent: true));
    }

    // The server itself raises the error, so the exception is exactly what Npgsql produces for it.
    private async Task<int> CountAttemptsFailingOnceWithAsync(PostgresResilience resilience, string sqlState, bool idempotent)
    {
        var attempts = 0;
        try
        {
            await resilience.ExecuteAsync(async cancellationToken =>
            {
                var attempt = Interlocked.Increment(ref attempts);
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                var sql = attempt == 1 ? $"DO $$ BEGIN RAISE EXCEPTION 'simulated' USING ERRCODE = '{sqlState}'; END $$" : "SELECT 1";
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }, idempotent);
        }
        catch (PostgresException exception) when (exception.SqlState == sqlState && !idempotent)
        {
        }

        return attempts;
    }

    private async Task InsertAgentAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("INSERT INTO agents (id) VALUES ($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
