using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Local;

/// <summary>Turns expressions into the values a local process receives: real ports, real secrets.</summary>
internal sealed class LocalValueResolver(ParameterValues parameters, LocalEndpoints endpoints)
{
    public LocalEndpoints Endpoints => endpoints;

    public string Resolve(ReferenceExpression expression) => expression.Resolve(Resolve);

    public string Resolve(ValueReference reference) => reference switch
    {
        ParameterReference parameter => parameters[parameter.Parameter],
        ConnectionStringReference connection => Resolve(connection.Resource.ConnectionStringExpression),
        EndpointReference endpoint => endpoints.Resolve(endpoint),
        _ => throw new ArgumentOutOfRangeException(nameof(reference), reference.GetType().Name),
    };

    public string ParameterValue(ParameterResource parameter) => parameters[parameter];
}
