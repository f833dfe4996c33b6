using System.Collections.ObjectModel;

namespace Platform.Hosting.ApplicationModel;

/// <summary>A fact attached to a resource (an endpoint, a reference, an environment variable, ...).</summary>
public interface IResourceAnnotation;

public sealed class ResourceAnnotationCollection : Collection<IResourceAnnotation>;
