using Microsoft.Extensions.Options;

namespace Platform.Agents.Queue;

/// <summary>This replica's name as a stream consumer and as a lease owner: unique per process run.</summary>
public sealed class WorkerIdentity(IOptions<TaskQueueOptions> options)
{
    public string Id { get; } = options.Value.WorkerId.Length > 0
        ? options.Value.WorkerId
        : $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}
