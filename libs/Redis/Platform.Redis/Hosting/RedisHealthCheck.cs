using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Redis.Hosting;

/// <summary>Healthy when the server answers PING on the shared connection.</summary>
internal sealed class RedisHealthCheck : IHealthCheck
{
    private readonly RedisConnection _connection;

    public RedisHealthCheck(RedisConnection connection) => _connection = connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var roundTrip = await _connection.GetDatabase().PingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {roundTrip.TotalMilliseconds:F1} ms.");
        }
        catch (Exception error) when (error is RedisException or TimeoutException or ObjectDisposedException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis did not answer PING.", error);
        }
    }
}
