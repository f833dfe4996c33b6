namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Registered by AddGrpc, so MapGrpcService can tell the developer when AddGrpc was forgotten.</summary>
internal sealed class GrpcMarkerService;
