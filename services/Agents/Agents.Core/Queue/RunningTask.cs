using Platform.Agents.Loop;
using Platform.Agents.Persistence;

namespace Platform.Agents.Queue;

/// <summary>A task this replica is running: its queue entry, its lease, and the signals that stop it.</summary>
public sealed record RunningTask(QueueEntry Entry, TaskLease Lease, TaskSignals Signals)
{
    public string TaskId => Lease.TaskId;
}
