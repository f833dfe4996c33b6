using System.Runtime.InteropServices;

namespace Platform.Hosting;

/// <summary>
/// The first Ctrl+C or SIGTERM asks for an orderly stop; a second one is left to the runtime, which ends the
/// process at once (children still die: they carry a parent-death signal). The death of the AppHost's own parent
/// (<c>dotnet run</c> killed with SIGKILL, a closed terminal, a test host gone) also asks for a stop, so nothing
/// keeps running unowned.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private static readonly TimeSpan ParentCheckInterval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _requested = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly int _parent = Local.Signals.ParentProcessId;
    private readonly Timer _parentWatch;
    private volatile bool _disposed;

    public ShutdownSignal()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
        _parentWatch = new Timer(_ => CheckParent(), null, ParentCheckInterval, ParentCheckInterval);
    }

    public CancellationToken Token => _requested.Token;

    public void Dispose()
    {
        _disposed = true;
        _parentWatch.Dispose();
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _requested.Dispose();
    }

    private void CheckParent()
    {
        if (!_disposed && _parent > 1 && Local.Signals.ParentProcessId != _parent && !_requested.IsCancellationRequested)
        {
            Console.Error.WriteLine($"The AppHost's parent process ({_parent}) is gone; stopping.");
            _ = _requested.CancelAsync();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_requested.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;

        // Callbacks run on the pool, not on the runtime's signal thread, which must stay free for a second Ctrl+C.
        _ = _requested.CancelAsync();
    }
}
