using Platform.Agents.V1;

namespace Platform.Agents.Grpc;

/// <summary>
/// The gRPC face of the Agents service. RPCs not overridden here answer UNIMPLEMENTED with a message
/// naming the method (see ServiceDefaults' UnimplementedDetailInterceptor).
/// </summary>
public sealed class AgentsApi : AgentService.AgentServiceBase
{
}
