namespace Platform.Budget.Registry;

/// <summary>
/// This replica's latest registry snapshot, read lock-free by the hot path (p95 sizing), reports
/// and events. Refreshed from PostgreSQL after local writes and when another replica's change shows
/// up as a newer version in Redis; it keeps serving the last snapshot while PostgreSQL is down.
/// </summary>
public sealed class AgentDirectory
{
    private RegistrySnapshot _current = RegistrySnapshot.Empty;

    public RegistrySnapshot Current => Volatile.Read(ref _current);

    /// <summary>Installs <paramref name="snapshot"/> unless a newer one is already installed.</summary>
    public void Publish(RegistrySnapshot snapshot)
    {
        while (true)
        {
            var current = Volatile.Read(ref _current);
            if (snapshot.Version < current.Version ||
                Interlocked.CompareExchange(ref _current, snapshot, current) == current)
            {
                return;
            }
        }
    }
}
