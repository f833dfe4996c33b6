using System.Diagnostics.CodeAnalysis;

namespace Grpc.Core;

/// <summary>
/// Put by Grpc.Tools on a generated service base class; names the static method that binds an implementation's
/// handlers to a <see cref="ServiceBinderBase"/>. The hosting layer finds it once, at start-up.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public class BindServiceMethodAttribute : Attribute
{
    private const DynamicallyAccessedMemberTypes BindMethodMembers =
        DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods;

    public BindServiceMethodAttribute([DynamicallyAccessedMembers(BindMethodMembers)] Type bindType, string bindMethodName)
    {
        BindType = bindType;
        BindMethodName = bindMethodName;
    }

    [DynamicallyAccessedMembers(BindMethodMembers)]
    public Type BindType { get; }

    public string BindMethodName { get; }
}
