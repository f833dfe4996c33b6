using Microsoft.Extensions.Configuration;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting;

/// <summary>Collects the resources of an application; <see cref="Build"/> turns them into something that runs or publishes.</summary>
public interface IDistributedApplicationBuilder
{
    ConfigurationManager Configuration { get; }

    DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>The AppHost project's folder: relative project paths and the default state folder start here.</summary>
    string AppHostDirectory { get; }

    /// <summary>Used to name published volumes (<c>{name}-{resource}-data</c>).</summary>
    string ApplicationName { get; }

    IReadOnlyList<IResource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    /// <summary>Wraps a resource already in the model (the server behind a database, for example).</summary>
    IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource;

    DistributedApplication Build();
}
