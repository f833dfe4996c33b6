using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Publishing;

/// <summary>Expressions in the Aspire manifest's own syntax: <c>{cache.bindings.tcp.host}</c>, <c>{cache-password.value}</c>.</summary>
internal static class ManifestExpressions
{
    public static string Of(ReferenceExpression expression) => expression.Resolve(Of, EscapeLiteral);

    public static string Of(ValueReference reference) => reference switch
    {
        ParameterReference parameter => $"{{{parameter.Parameter.Name}.value}}",
        ConnectionStringReference connection => $"{{{connection.Resource.Name}.connectionString}}",
        EndpointReference endpoint => $"{{{endpoint.Resource.Name}.bindings.{endpoint.EndpointName}.{PropertyName(endpoint.Property)}}}",
        _ => throw new ArgumentOutOfRangeException(nameof(reference), reference.GetType().Name),
    };

    private static string PropertyName(EndpointProperty property) => property switch
    {
        EndpointProperty.Url => "url",
        EndpointProperty.Scheme => "scheme",
        EndpointProperty.Host => "host",
        EndpointProperty.Port => "port",
        EndpointProperty.TargetPort => "targetPort",
        _ => throw new ArgumentOutOfRangeException(nameof(property)),
    };

    private static string EscapeLiteral(string literal) => literal.Replace("{", "{{").Replace("}", "}}");
}
