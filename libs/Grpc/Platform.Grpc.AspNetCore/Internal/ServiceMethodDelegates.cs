using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

// Open-instance delegates over the service's methods: bound once at start-up by reflection,
// then invoked per call on a fresh service instance without further reflection.

internal delegate Task<TResponse> UnaryServiceMethod<in TService, in TRequest, TResponse>(
    TService service, TRequest request, ServerCallContext context);

internal delegate Task<TResponse> ClientStreamingServiceMethod<in TService, TRequest, TResponse>(
    TService service, IAsyncStreamReader<TRequest> requestStream, ServerCallContext context);

internal delegate Task ServerStreamingServiceMethod<in TService, in TRequest, TResponse>(
    TService service, TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context);

internal delegate Task DuplexStreamingServiceMethod<in TService, TRequest, TResponse>(
    TService service, IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context);
