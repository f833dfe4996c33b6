namespace Grpc.Core;

/// <summary>Adds authentication headers (for example a bearer token) to the metadata of an outgoing call.</summary>
public delegate Task AsyncAuthInterceptor(AuthInterceptorContext context, Metadata metadata);
