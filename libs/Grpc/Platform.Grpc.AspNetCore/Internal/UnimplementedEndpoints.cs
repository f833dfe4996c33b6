using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// A catch-all endpoint for gRPC requests (POST with a gRPC content type) that match no mapped method: the spec
/// asks for HTTP 200 with grpc-status UNIMPLEMENTED rather than a 404. Other requests fall through untouched.
/// </summary>
internal static class UnimplementedEndpoints
{
    private const string PathParameter = "unimplementedPath";

    public static void MapOnce(IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry)
    {
        if (registry.UnimplementedEndpointsMapped)
        {
            return;
        }

        registry.UnimplementedEndpointsMapped = true;
        var pattern = RoutePatternFactory.Parse(
            "{**" + PathParameter + "}",
            defaults: null,
            parameterPolicies: new RouteValueDictionary { [PathParameter] = new GrpcContentTypeConstraint() });

        endpoints.Map(pattern, httpContext => HandleAsync(httpContext, registry))
            .WithMetadata(new HttpMethodMetadata(["POST"]))
            .WithDisplayName("gRPC - Unimplemented");
    }

    private static Task HandleAsync(HttpContext httpContext, GrpcServiceRegistry registry)
    {
        var path = httpContext.Request.Path.Value ?? "";
        var service = ServiceNameOf(path);
        var detail = registry.ContainsService(service) ? "Method is unimplemented." : "Service is unimplemented.";
        GrpcRequestValidation.WriteTrailersOnly(httpContext, StatusCode.Unimplemented, detail);
        return Task.CompletedTask;
    }

    private static string ServiceNameOf(string path)
    {
        var trimmed = path.AsSpan().TrimStart('/');
        var slash = trimmed.IndexOf('/');
        return (slash < 0 ? trimmed : trimmed[..slash]).ToString();
    }

    private sealed class GrpcContentTypeConstraint : IRouteConstraint
    {
        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
            httpContext is not null && Grpc.Core.Wire.GrpcProtocol.IsGrpcContentType(httpContext.Request.ContentType);
    }
}
