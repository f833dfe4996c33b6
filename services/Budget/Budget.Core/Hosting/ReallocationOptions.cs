namespace Platform.Budget.Hosting;

/// <summary>Process-level switches of reallocation; the schedule itself lives in the fleet budget.</summary>
public sealed class ReallocationOptions
{
    /// <summary>Off switch for the periodic job on this deployment (RunReallocation still works).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A donor keeps at least this percentage of its own limit.</summary>
    public int FloorPercent { get; set; } = 25;

    /// <summary>How often each replica checks whether a run is due.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Lifetime of the run lock, so a replica that dies mid-run does not block the next run.</summary>
    public TimeSpan LockTtl { get; set; } = TimeSpan.FromSeconds(60);
}
