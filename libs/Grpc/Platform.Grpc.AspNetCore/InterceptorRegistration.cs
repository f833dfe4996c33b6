using System.Diagnostics.CodeAnalysis;

namespace Grpc.AspNetCore.Server;

/// <summary>
/// An interceptor type and the constructor arguments not taken from DI. The interceptor is resolved from DI when
/// registered there (with its DI lifetime); otherwise one is created per call and disposed after it.
/// </summary>
public class InterceptorRegistration
{
    internal InterceptorRegistration(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type type,
        object[] arguments)
    {
        Type = type;
        Arguments = arguments;
    }

    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    public Type Type { get; }

    public IReadOnlyList<object> Arguments { get; }
}
