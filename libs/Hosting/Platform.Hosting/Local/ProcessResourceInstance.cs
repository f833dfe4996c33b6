using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Local;

/// <summary>A resource backed by one child process whose output is streamed with the resource's name.</summary>
internal abstract class ProcessResourceInstance(IResource resource, int replica, int replicaCount, LocalContext context)
    : ResourceInstance(resource, replica, replicaCount)
{
    private ChildProcess? _process;

    protected LocalContext Context { get; } = context;

    public override int? Pid => _process?.Pid;

    public override Task<int>? Exited => _process?.Exited;

    public override IReadOnlyList<string> RecentLines => _process?.RecentLines.Snapshot() ?? [];

    public override async Task DrainOutputAsync()
    {
        if (_process is not null)
        {
            // Bounded: a grandchild that inherited the pipes could keep them open.
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public override Task StopAsync(TimeSpan grace) => _process?.StopAsync(grace) ?? Task.CompletedTask;

    protected async Task StartProcessAsync(ProcessSpec spec)
    {
        _process = await ChildProcess.StartAsync(Context.Launcher, spec, line => Context.Reporter.Log(this, line)).ConfigureAwait(false);
        Context.PidFile.Add(DisplayName, _process.Pid);
    }
}
