using Grpc.AspNetCore.Server.Internal;
using Microsoft.AspNetCore.Http;

namespace Grpc.Core;

/// <summary>Reaches the ASP.NET Core request behind a call (connection info, features, request services).</summary>
public static class ServerCallContextExtensions
{
    /// <summary>The key under which an interceptor that wraps the context may store the HttpContext in UserState.</summary>
    internal const string HttpContextKey = "__HttpContext";

    public static HttpContext GetHttpContext(this ServerCallContext serverCallContext)
    {
        ArgumentNullException.ThrowIfNull(serverCallContext);
        if (serverCallContext is GrpcServerCall call)
        {
            return call.HttpContext;
        }

        if (serverCallContext.UserState.TryGetValue(HttpContextKey, out var value) && value is HttpContext httpContext)
        {
            return httpContext;
        }

        throw new InvalidOperationException("Could not get the HttpContext from a ServerCallContext that was not created by this server.");
    }
}
