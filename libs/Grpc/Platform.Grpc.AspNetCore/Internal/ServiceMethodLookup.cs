using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Start-up reflection: finds the generated BindService method and the service's handler methods.</summary>
internal static class ServiceMethodLookup
{
    /// <summary>Calls the generated static BindService(ServiceBinderBase, TServiceBase) named by [BindServiceMethod], with a null instance.</summary>
    public static void BindService<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TService>(ServiceBinderBase binder)
    {
        var attribute = typeof(TService).GetCustomAttribute<BindServiceMethodAttribute>(inherit: true)
            ?? throw new InvalidOperationException(
                $"Cannot map gRPC service '{typeof(TService)}': it does not derive from a generated service base class with [BindServiceMethod].");

        var bindMethod = FindBindMethod(attribute, typeof(TService))
            ?? throw new InvalidOperationException(
                $"Cannot map gRPC service '{typeof(TService)}': method '{attribute.BindMethodName}' on '{attribute.BindType}' was not found.");

        bindMethod.Invoke(null, [binder, null]);
    }

    /// <summary>Creates an open-instance delegate over TService's public method with the given name and parameters.</summary>
    public static TDelegate CreateInvoker<TDelegate, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] TService>(
        string methodName, params Type[] parameterTypes)
        where TDelegate : Delegate
    {
        var method = typeof(TService).GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance, parameterTypes)
            ?? throw new InvalidOperationException($"gRPC service '{typeof(TService)}' has no public method '{methodName}' with the generated signature.");
        return method.CreateDelegate<TDelegate>();
    }

    private static MethodInfo? FindBindMethod(BindServiceMethodAttribute attribute, Type serviceType)
    {
        foreach (var method in attribute.BindType.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (method.Name != attribute.BindMethodName)
            {
                continue;
            }

            var parameters = method.GetParameters();
            if (parameters.Length == 2
                && parameters[0].ParameterType == typeof(ServiceBinderBase)
                && parameters[1].ParameterType.IsAssignableFrom(serviceType))
            {
                return method;
            }
        }

        return null;
    }
}
