using Platform.Metrics.V1;

namespace Platform.Metrics.Grpc;

/// <summary>
/// The gRPC face of the Metrics service. RPCs not overridden here answer UNIMPLEMENTED with a message
/// naming the method (see ServiceDefaults' UnimplementedDetailInterceptor).
/// </summary>
public sealed class MetricsApi : MetricsService.MetricsServiceBase
{
}
