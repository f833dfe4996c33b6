namespace Platform.Testing;

/// <summary>Finds the repository and the built assemblies of its projects from a test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The built <c>services/{project}/bin/{configuration}/net10.0/{project}.dll</c>, same configuration as the tests.</summary>
    public static string ServiceAssembly(string projectName)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var path = Path.Combine(Root, "services", projectName, "bin", configuration, "net10.0", projectName + ".dll");
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"{path} is not built. Build the solution first (`dotnet build Platform.sln -c {configuration}`), or reference the project from the test project.", path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"Platform.sln not found above {AppContext.BaseDirectory}.");
    }
}
