namespace Grpc.AspNetCore.Server;

/// <summary>Options for one service; start as a copy of the app-wide options, and its interceptors run after the global ones.</summary>
public class GrpcServiceOptions<TService> : GrpcServiceOptions
    where TService : class
{
}
