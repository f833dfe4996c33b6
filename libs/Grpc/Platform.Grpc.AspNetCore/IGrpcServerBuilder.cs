namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by AddGrpc, for further gRPC configuration.</summary>
public interface IGrpcServerBuilder
{
    IServiceCollection Services { get; }
}
