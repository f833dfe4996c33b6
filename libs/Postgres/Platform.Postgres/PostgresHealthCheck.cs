using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Platform.Postgres;

/// <summary>Readiness: the data source can hand out a connection that answers <c>SELECT 1</c>.</summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource, TimeSpan timeout) : IHealthCheck
{
    public const string Name = "postgres";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(deadline.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection)
            {
                CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds),
            };
            await command.ExecuteScalarAsync(deadline.Token);
            return HealthCheckResult.Healthy();
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"PostgreSQL did not answer within {timeout}.", exception);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"PostgreSQL is unreachable: {exception.Message}", exception);
        }
    }
}
