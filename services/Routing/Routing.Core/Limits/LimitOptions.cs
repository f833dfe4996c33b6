namespace Platform.Routing.Limits;

/// <summary><c>Routing:Limits</c>: how the shared RPM/TPM windows and concurrency leases behave.</summary>
public sealed class LimitOptions
{
    /// <summary>Redis key prefix; keys are <c>{prefix:model}:...</c>, one hash slot per model.</summary>
    public string KeyPrefix { get; set; } = "rt";

    /// <summary>Length of the RPM/TPM window. One minute for real providers; tests may shorten it.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Buckets per window: more = less slack (one bucket's worth), more fields to sum.</summary>
    public int Buckets { get; set; } = 12;

    /// <summary>A concurrency lease outlives its attempt's timeout by this much, then expires on its own.</summary>
    public TimeSpan LeaseMargin { get; set; } = TimeSpan.FromSeconds(10);
}
