namespace Platform.Hosting.ApplicationModel;

/// <summary>Anything the app model knows by name: a server, a database, a project, a parameter.</summary>
public interface IResource
{
    string Name { get; }

    ResourceAnnotationCollection Annotations { get; }
}

/// <summary>A resource other resources reach through a connection string (<c>ConnectionStrings__{name}</c>).</summary>
public interface IResourceWithConnectionString : IResource
{
    ReferenceExpression ConnectionStringExpression { get; }
}

/// <summary>A resource that listens on named endpoints.</summary>
public interface IResourceWithEndpoints : IResource;

/// <summary>A resource that receives environment variables.</summary>
public interface IResourceWithEnvironment : IResource;

/// <summary>A resource whose start can be gated on other resources being healthy.</summary>
public interface IResourceWithWaitSupport : IResource;

/// <summary>A resource that lives inside another one (a database inside its server).</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}

/// <summary>A project whose endpoints other projects discover as <c>services__{name}__{endpoint}__{i}</c>.</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;
