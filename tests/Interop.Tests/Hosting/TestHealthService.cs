using Grpc.Core;
using Grpc.Health.V1;

namespace Interop.Tests.Hosting;

/// <summary>
/// A test-only grpc.health.v1.Health: SERVING for the whole server ("") and the echo service, NOT_FOUND otherwise.
/// Watch sends the current status and then holds the stream open until the client goes away.
/// </summary>
public sealed class TestHealthService : Health.HealthBase
{
    private static readonly HashSet<string> KnownServices = ["", "test.echo.v1.Echo", "grpc.health.v1.Health"];

    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
        KnownServices.Contains(request.Service)
            ? Task.FromResult(Serving())
            : throw new RpcException(new Status(StatusCode.NotFound, $"Unknown service '{request.Service}'."));

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        await responseStream.WriteAsync(KnownServices.Contains(request.Service)
            ? Serving()
            : new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.ServiceUnknown });
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The client stopped watching.
        }
    }

    private static HealthCheckResponse Serving() => new() { Status = HealthCheckResponse.Types.ServingStatus.Serving };
}
