namespace Platform.Agents.Contexts;

/// <summary>Shared context settings (configuration section <c>Agents:SharedContext</c>).</summary>
public sealed class SharedContextOptions
{
    public const string SectionName = "Agents:SharedContext";
    public const int MaxContentBytes = 1024 * 1024;

    /// <summary>How long an unused block is kept after its last put or use.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Redis key prefix of the blocks.</summary>
    public string KeyPrefix { get; set; } = "agents:ctx:";

    /// <summary>Bytes of block content each replica keeps in memory for running tasks (blocks are immutable).</summary>
    public long LocalCacheBytes { get; set; } = 64 * 1024 * 1024;
}
