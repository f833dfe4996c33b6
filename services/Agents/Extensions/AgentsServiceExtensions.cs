using Platform.Agents.V1;

namespace Microsoft.Extensions.Hosting;

/// <summary>The Agents service's own wiring, on top of ServiceDefaults.</summary>
public static class AgentsServiceExtensions
{
    public static IHostApplicationBuilder AddAgentsService(this IHostApplicationBuilder builder)
    {
        builder.AddGrpcHealthServiceName(AgentService.Descriptor.FullName);
        return builder;
    }
}
