using System.Globalization;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Publishing.Kubernetes;

/// <summary>
/// Resolves expressions for a cluster: an endpoint is its Service (<c>http://budget:8081</c>), a secret parameter is
/// <c>$(PARAM_X)</c>, a variable the pod defines from the Secret (Kubernetes expands <c>$(VAR)</c> in env values).
/// </summary>
internal sealed class KubernetesValues
{
    private readonly HashSet<ParameterResource> _secretsUsed = [];

    public IReadOnlyCollection<ParameterResource> SecretsUsed => _secretsUsed;

    public static string VariableFor(ParameterResource parameter) =>
        "PARAM_" + parameter.Name.ToUpperInvariant().Replace('-', '_');

    /// <summary>Resolves <paramref name="expression"/>; <paramref name="forEnvValue"/> escapes a literal <c>$(</c> as <c>$$(</c>.</summary>
    public string Resolve(ReferenceExpression expression, bool forEnvValue) =>
        expression.Resolve(Resolve, forEnvValue ? literal => literal.Replace("$(", "$$(") : null);

    private string Resolve(ValueReference reference) => reference switch
    {
        ParameterReference { Parameter.Secret: true } secret => UseSecret(secret.Parameter),
        ParameterReference plain => plain.Parameter.Default?.GetDefaultValue() ?? throw new DistributedApplicationException(
            $"Parameter '{plain.Parameter.Name}' is neither secret nor defaulted; the Kubernetes publisher cannot supply it."),
        ConnectionStringReference connection => Resolve(connection.Resource.ConnectionStringExpression, forEnvValue: true),
        EndpointReference endpoint => Resolve(endpoint),
        _ => throw new ArgumentOutOfRangeException(nameof(reference), reference.GetType().Name),
    };

    private string UseSecret(ParameterResource parameter)
    {
        _secretsUsed.Add(parameter);
        return $"$({VariableFor(parameter)})";
    }

    private static string Resolve(EndpointReference reference)
    {
        var endpoint = reference.Resource.FindEndpoint(reference.EndpointName)
            ?? throw new DistributedApplicationException($"Resource '{reference.Resource.Name}' has no endpoint '{reference.EndpointName}'.");
        var port = (endpoint.TargetPort ?? throw new DistributedApplicationException(
            $"Endpoint '{reference.Resource.Name}/{endpoint.Name}' needs a target port to be published.")).ToString(CultureInfo.InvariantCulture);
        return reference.Property switch
        {
            EndpointProperty.Url => $"{endpoint.Scheme}://{reference.Resource.Name}:{port}",
            EndpointProperty.Scheme => endpoint.Scheme,
            EndpointProperty.Host => reference.Resource.Name,
            EndpointProperty.Port or EndpointProperty.TargetPort => port,
            _ => throw new ArgumentOutOfRangeException(nameof(reference)),
        };
    }
}
