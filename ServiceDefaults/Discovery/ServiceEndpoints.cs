using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults.Discovery;

/// <summary>
/// Reads the endpoints of other services the way Aspire and its Kubernetes tooling inject them:
/// <c>services__{name}__{endpoint}__{N}</c>, where each value is a URL or a bare <c>host:port</c>.
/// </summary>
public static class ServiceEndpoints
{
    public static IReadOnlyList<Uri> Resolve(IConfiguration configuration, string serviceName, string endpointName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);

        var section = configuration.GetSection($"services:{serviceName}:{endpointName}");
        var endpoints = new List<(int Index, Uri Uri)>();
        foreach (var child in section.GetChildren())
        {
            if (string.IsNullOrWhiteSpace(child.Value))
                continue;
            if (!int.TryParse(child.Key, out var index))
                throw new InvalidOperationException(
                    $"Configuration key 'services:{serviceName}:{endpointName}:{child.Key}' must end in a replica number (0, 1, ...).");
            endpoints.Add((index, Parse(child.Value, $"services__{serviceName}__{endpointName}__{child.Key}")));
        }

        if (endpoints.Count == 0)
            throw new InvalidOperationException(
                $"No endpoint configured for service '{serviceName}' ({endpointName}). " +
                $"Set services__{serviceName}__{endpointName}__0=http://host:port (or host:port).");

        endpoints.Sort((a, b) => a.Index.CompareTo(b.Index));
        return endpoints.ConvertAll(e => e.Uri);
    }

    /// <summary>Accepts <c>http://host:port</c>, <c>https://host:port</c> or a bare <c>host:port</c>.</summary>
    public static Uri Parse(string value, string settingName)
    {
        var text = value.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
            text = "http://" + text;

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https") || uri.IsDefaultPort && !value.Contains(':'))
            throw new InvalidOperationException(
                $"Setting '{settingName}' has value '{value}', which is not an endpoint; expected http://host:port or host:port.");
        return uri;
    }
}
