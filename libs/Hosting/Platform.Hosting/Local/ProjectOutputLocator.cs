namespace Platform.Hosting.Local;

/// <summary>
/// Finds a project's built assembly. The AppHost build records it (the projects are built with the AppHost); a
/// project added by path, or whose output is missing, is built here once with
/// <c>dotnet build -t:Build -getProperty:TargetPath</c>, one build at a time.
/// </summary>
internal static class ProjectOutputLocator
{
    private static readonly SemaphoreSlim OneBuildAtATime = new(1, 1);

    // Set by a surrounding MSBuild or test host; an inner `dotnet build` must pick its own.
    private static readonly string[] InheritedBuildVariables =
        ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILDNOINPROCNODE"];

    public static async Task<string> LocateAsync(IProjectMetadata project, LocalContext context, CancellationToken cancellationToken)
    {
        if (project.TargetPath is { } recorded && File.Exists(recorded))
        {
            return recorded;
        }

        await OneBuildAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await BuildAsync(project.ProjectPath, context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            OneBuildAtATime.Release();
        }
    }

    private static async Task<string> BuildAsync(string projectPath, LocalContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(projectPath))
        {
            throw new DistributedApplicationException($"Project file not found: {projectPath}");
        }

        context.Reporter.Info($"building {projectPath}");
        // No lingering MSBuild nodes or compiler server: they would inherit our output pipes and outlive the run.
        var spec = new ProcessSpec(
            DotNetHost.Path,
            ["build", projectPath, "--nologo", "-v:q", "-t:Build", "-getProperty:TargetPath", "-nodeReuse:false", "-p:UseSharedCompilation=false"])
        {
            WorkingDirectory = Path.GetDirectoryName(projectPath),
            Environment = InheritedBuildVariables.ToDictionary(name => name, _ => (string?)null),
        };
        var output = new List<string>();
        var build = await ChildProcess.StartAsync(context.Launcher, spec, line =>
        {
            lock (output)
            {
                output.Add(line);
            }
        }).ConfigureAwait(false);
        var exitCode = await build.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        string[] lines;
        lock (output)
        {
            lines = [.. output];
        }

        // With -getProperty the build prints only the property value (or errors).
        var targetPath = lines.Select(l => l.Trim()).LastOrDefault(l => l.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
        if (exitCode != 0 || targetPath is null || !File.Exists(targetPath))
        {
            throw new DistributedApplicationException(
                $"Building {projectPath} failed (exit code {exitCode}):{System.Environment.NewLine}  " + string.Join(System.Environment.NewLine + "  ", lines.TakeLast(30)));
        }

        return targetPath;
    }
}
