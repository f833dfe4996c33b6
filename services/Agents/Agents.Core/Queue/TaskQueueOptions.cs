namespace Platform.Agents.Queue;

/// <summary>The task queue and worker pool (configuration section <c>Agents:Queue</c>).</summary>
public sealed class TaskQueueOptions
{
    public const string SectionName = "Agents:Queue";

    /// <summary>Tasks one replica runs at once; it reads from the queue only when a slot is free.</summary>
    public int MaxConcurrentTasks { get; set; } = 500;

    /// <summary>Tasks waiting in the queue (all replicas) beyond which submissions get RESOURCE_EXHAUSTED.</summary>
    public int MaxQueuedTasks { get; set; } = 20_000;

    /// <summary>Base retry hint sent with QUEUE_FULL, scaled by how far past the bound the queue is.</summary>
    public TimeSpan QueueFullRetryAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a worker's hold on a task lasts without renewal; a dead replica's tasks are reclaimed after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often leases are renewed and cancellation requests from other replicas are noticed.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often other replicas' idle (dead) queue entries are claimed.</summary>
    public TimeSpan ReclaimInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often an idle worker looks at the queue again (it is also woken by local submissions).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often the safety net looks for tasks whose queue entry was lost.</summary>
    public TimeSpan StaleSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A QUEUED task, or a handed-back RUNNING one, untouched this long is queued again.</summary>
    public TimeSpan RequeueAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A task resumed this many times is failed instead of being run again (a crash loop).</summary>
    public int MaxRunAttempts { get; set; } = 20;

    /// <summary>Redis stream key prefix; one stream per tier: <c>{prefix}:critical</c>, <c>:high</c>, <c>:medium</c>, <c>:low</c>.</summary>
    public string StreamPrefix { get; set; } = "agents:tasks";

    public string ConsumerGroup { get; set; } = "agents";

    /// <summary>This replica's consumer and lease owner name; empty = host name, process id and a random suffix.</summary>
    public string WorkerId { get; set; } = "";
}
