namespace Grpc.Core;

/// <summary>Tells an AsyncAuthInterceptor which service and method the call is for.</summary>
public class AuthInterceptorContext
{
    public AuthInterceptorContext(string serviceUrl, string methodName)
        : this(serviceUrl, methodName, CancellationToken.None)
    {
    }

    public AuthInterceptorContext(string serviceUrl, string methodName, CancellationToken cancellationToken)
    {
        ServiceUrl = serviceUrl ?? throw new ArgumentNullException(nameof(serviceUrl));
        MethodName = methodName ?? throw new ArgumentNullException(nameof(methodName));
        CancellationToken = cancellationToken;
    }

    /// <summary>The channel address plus the service name, e.g. "https://host:443/package.Service".</summary>
    public string ServiceUrl { get; }

    public string MethodName { get; }

    public CancellationToken CancellationToken { get; }
}
