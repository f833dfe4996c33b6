namespace Grpc.Core.Interceptors;

/// <summary>Wraps a call invoker in client interceptors.</summary>
public static class CallInvokerExtensions
{
    public static CallInvoker Intercept(this CallInvoker invoker, Interceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(interceptor);
        return new InterceptingCallInvoker(invoker, interceptor);
    }

    /// <summary>The first interceptor in the list is the outermost: it sees each call first.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, params Interceptor[] interceptors)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(interceptors);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            invoker = Intercept(invoker, interceptors[i]);
        }

        return invoker;
    }

    /// <summary>An interceptor that rewrites the request headers of every call.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, Func<Metadata, Metadata> interceptor) =>
        Intercept(invoker, new MetadataInterceptor(interceptor ?? throw new ArgumentNullException(nameof(interceptor))));
}
