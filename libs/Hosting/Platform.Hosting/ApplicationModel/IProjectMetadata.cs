namespace Platform.Hosting;

/// <summary>
/// Where a project lives and what its build produces. The AppHost build generates one class per
/// resource <c>ProjectReference</c> in the <c>Projects</c> namespace (see build/Platform.Hosting.AppHost.targets).
/// </summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }

    /// <summary>The built assembly (<c>bin/.../Name.dll</c>); <c>null</c> when unknown, in which case the runner builds the project.</summary>
    string? TargetPath => null;
}
