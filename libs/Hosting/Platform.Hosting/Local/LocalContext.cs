namespace Platform.Hosting.Local;

/// <summary>What every local resource needs: where to keep state, how to start processes, where to report.</summary>
internal sealed record LocalContext(
    LocalRunOptions Options,
    ProcessLauncher Launcher,
    LocalValueResolver Values,
    ConsoleReporter Reporter,
    PidFile PidFile,
    MachineBinaries Binaries)
{
    public LocalEndpoints Endpoints => Values.Endpoints;

    public string StatePath(params string[] parts) => Path.Combine([Options.StateDirectory, .. parts]);
}
