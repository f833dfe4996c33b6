using Platform.Routing.V1;

namespace Platform.Routing.Grpc;

/// <summary>
/// The gRPC face of the Routing service. RPCs not overridden here answer UNIMPLEMENTED with a message
/// naming the method (see ServiceDefaults' UnimplementedDetailInterceptor).
/// </summary>
public sealed class RoutingApi : RoutingService.RoutingServiceBase
{
}
