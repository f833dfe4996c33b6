using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Budget.Registry;

namespace Platform.Budget.Hosting;

/// <summary>Not ready until the registry has been mirrored into Redis once (before that, every agent is unknown).</summary>
public sealed class RegistryReadyHealthCheck(RegistrySyncService sync) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(sync.FirstSync.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "The budget registry has not been loaded into Redis yet."));
}
