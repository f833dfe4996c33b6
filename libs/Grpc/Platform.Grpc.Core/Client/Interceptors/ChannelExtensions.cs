namespace Grpc.Core.Interceptors;

/// <summary>Wraps a channel's call invoker in client interceptors.</summary>
public static class ChannelExtensions
{
    public static CallInvoker Intercept(this ChannelBase channel, Interceptor interceptor) =>
        Invoker(channel).Intercept(interceptor);

    public static CallInvoker Intercept(this ChannelBase channel, params Interceptor[] interceptors) =>
        Invoker(channel).Intercept(interceptors);

    public static CallInvoker Intercept(this ChannelBase channel, Func<Metadata, Metadata> interceptor) =>
        Invoker(channel).Intercept(interceptor);

    private static CallInvoker Invoker(ChannelBase channel) =>
        (channel ?? throw new ArgumentNullException(nameof(channel))).CreateCallInvoker();
}
