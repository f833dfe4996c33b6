namespace Platform.Hosting.Local;

/// <summary>What to start, as whom, with which environment, and how to ask it to stop.</summary>
internal sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Added to (or, with a <c>null</c> value, removed from) the AppHost's own environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>A system user to switch to before exec (PostgreSQL refuses to run as root); root only.</summary>
    public string? RunAsUser { get; init; }

    /// <summary>The polite stop request; SIGKILL follows after the grace period.</summary>
    public int StopSignal { get; init; } = Signals.SIGTERM;
}
