using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Platform.ServiceDefaults.Health;

/// <summary>
/// <c>grpc.health.v1.Health</c> backed by the same readiness checks as <c>/health</c>, so Kubernetes'
/// gRPC probes and HTTP probes can never disagree about a replica.
/// </summary>
internal sealed class GrpcHealthService(
    HealthCheckService healthChecks,
    IOptions<GrpcHealthOptions> options,
    IHostApplicationLifetime lifetime) : Grpc.Health.V1.Health.HealthBase
{
    public override async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        if (!options.Value.ServiceNames.Contains(request.Service))
            throw new RpcException(new Status(StatusCode.NotFound,
                $"Unknown service '{request.Service}'; this server reports health for: {KnownNames()}."));

        return new HealthCheckResponse { Status = await EvaluateAsync(context.CancellationToken) };
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var known = options.Value.ServiceNames.Contains(request.Service);
        ServingStatus? last = null;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var current = known ? await EvaluateAsync(stop.Token) : ServingStatus.ServiceUnknown;
                if (current != last)
                {
                    await responseStream.WriteAsync(new HealthCheckResponse { Status = current }, stop.Token);
                    last = current;
                }
                await Task.Delay(options.Value.WatchInterval, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The caller went away or the server is shutting down: the stream simply ends.
        }
    }

    private async Task<ServingStatus> EvaluateAsync(CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return ServingStatus.NotServing;
        var report = await healthChecks.CheckHealthAsync(cancellationToken);
        return report.Status == HealthStatus.Unhealthy ? ServingStatus.NotServing : ServingStatus.Serving;
    }

    private string KnownNames() => string.Join(", ", options.Value.ServiceNames.Select(n => n.Length == 0 ? "\"\"" : n));
}
