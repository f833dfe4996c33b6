using System.Runtime.InteropServices;

namespace Platform.Hosting;

/// <summary>
/// The first Ctrl+C or SIGTERM asks for an orderly stop; a second one is left to the runtime, which ends the
/// process at once (children still die: they carry a parent-death signal).
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _requested = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignal()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => _requested.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _requested.Dispose();
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
