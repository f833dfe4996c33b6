namespace Platform.Hosting.ApplicationModel;

/// <summary>
/// The environment a project receives, as expressions every back end resolves its own way. This is the runtime
/// contract ServiceDefaults reads: <c>ConnectionStrings__*</c>, <c>services__{name}__{endpoint}__{i}</c>,
/// <c>Kestrel__Endpoints__{endpoint}__Url</c>, <c>OTEL_SERVICE_NAME</c>, then the project's own <c>WithEnvironment</c> values.
/// </summary>
internal static class ProjectEnvironment
{
    public static IReadOnlyList<EnvironmentAnnotation> For(ProjectResource project, EnvironmentTarget target)
    {
        var variables = new OrderedVariables();
        variables.Set("OTEL_SERVICE_NAME", ReferenceExpression.Literal(project.Name));
        if (target.IsLocal)
        {
            variables.Set("ASPNETCORE_ENVIRONMENT", ReferenceExpression.Literal("Development"));
            variables.Set("DOTNET_ENVIRONMENT", ReferenceExpression.Literal("Development"));
        }

        AddListenAddresses(project, target, variables);
        foreach (var annotation in project.Annotations)
        {
            switch (annotation)
            {
                case ConnectionStringReferenceAnnotation reference:
                    variables.Set($"ConnectionStrings__{reference.ConnectionName}", ReferenceExpression.Of(new ConnectionStringReference(reference.Target)));
                    break;
                case ServiceReferenceAnnotation reference:
                    AddServiceEndpoints(reference.Target, target, variables);
                    break;
                case EnvironmentAnnotation variable:
                    variables.Set(variable.Name, variable.Value);
                    break;
            }
        }

        return variables.ToList();
    }

    private static void AddListenAddresses(ProjectResource project, EnvironmentTarget target, OrderedVariables variables)
    {
        foreach (var endpoint in project.GetEndpoints())
        {
            var port = new EndpointReference(project, endpoint.Name, EndpointProperty.TargetPort, target.Replica);
            variables.Set($"Kestrel__Endpoints__{endpoint.Name}__Url", ReferenceExpression.Create($"{endpoint.Scheme}://{target.ListenHost}:{port}"));
            if (endpoint.Transport == "http2")
            {
                // Cleartext HTTP/2 needs prior knowledge: an endpoint that also offered HTTP/1.1 would speak only HTTP/1.1.
                variables.Set($"Kestrel__Endpoints__{endpoint.Name}__Protocols", ReferenceExpression.Literal("Http2"));
            }
        }
    }

    private static void AddServiceEndpoints(IResourceWithServiceDiscovery service, EnvironmentTarget target, OrderedVariables variables)
    {
        var replicas = target.IsLocal && service is ProjectResource project ? project.Replicas : 1;
        foreach (var endpoint in service.GetEndpoints())
        {
            for (var i = 0; i < replicas; i++)
            {
                var url = new EndpointReference(service, endpoint.Name, EndpointProperty.Url, target.IsLocal ? i : null);
                variables.Set($"services__{service.Name}__{endpoint.Name}__{i}", ReferenceExpression.Of(url));
            }
        }
    }

    private sealed class OrderedVariables
    {
        private readonly List<EnvironmentAnnotation> _items = [];

        public void Set(string name, ReferenceExpression value)
        {
            var existing = _items.FindIndex(v => v.Name == name);
            if (existing >= 0)
            {
                _items[existing] = new EnvironmentAnnotation(name, value);
            }
            else
            {
                _items.Add(new EnvironmentAnnotation(name, value));
            }
        }

        public IReadOnlyList<EnvironmentAnnotation> ToList() => _items;
    }
}

/// <summary>
/// Who the environment is for: one local replica (its own ports, every replica of each referenced project)
/// or a published deployment (one Service per project, listening on every interface).
/// </summary>
internal sealed record EnvironmentTarget(bool IsLocal, int? Replica, string ListenHost)
{
    public static EnvironmentTarget Local(int replica) => new(true, replica, "127.0.0.1");

    public static EnvironmentTarget Published { get; } = new(false, null, "*");
}
