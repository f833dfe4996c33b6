using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting;

public static class ParameterResourceBuilderExtensions
{
    /// <summary>A parameter that must be configured (<c>Parameters:{name}</c>) or found in the state folder.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false) =>
        builder.AddResource(new ParameterResource(name, defaultValue: null, secret, persist: false));

    /// <summary>
    /// A parameter with a default used when configuration does not set it. Unlike Aspire, configuration still wins over
    /// <paramref name="value"/>. The manifest carries the default only when <paramref name="publishValueAsDefault"/> is set.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddParameter(
        this IDistributedApplicationBuilder builder, string name, string value, bool publishValueAsDefault = false, bool secret = false) =>
        builder.AddResource(new ParameterResource(name, new ConstantParameterDefault(value), secret, persist: false)
        {
            PublishDefault = publishValueAsDefault,
        });

    /// <summary>A parameter generated on first use (passwords); <paramref name="persist"/> keeps it in the state folder.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(
        this IDistributedApplicationBuilder builder, string name, ParameterDefault value, bool secret = false, bool persist = false) =>
        builder.AddResource(new ParameterResource(name, value, secret, persist) { PublishDefault = true });

    internal static ParameterResource CreateDefaultPassword(string resourceName) =>
        new($"{resourceName}-password", new GenerateParameterDefault { MinLength = 22, Special = false }, secret: true, persist: true)
        {
            PublishDefault = true,
        };
}
