namespace Platform.Hosting;

public sealed class DistributedApplicationOptions
{
    public string[] Args { get; init; } = [];

    /// <summary>Defaults to the folder the AppHost build recorded, else the current directory.</summary>
    public string? AppHostDirectory { get; init; }

    /// <summary>Defaults to the entry assembly's name.</summary>
    public string? ApplicationName { get; init; }

    /// <summary>Where resource output, notes and the resource table go in a local run (default: standard output).</summary>
    public TextWriter? Output { get; init; }

    /// <summary>Settings applied before environment variables and arguments (the testing builder's defaults).</summary>
    public IReadOnlyDictionary<string, string?>? DefaultSettings { get; init; }
}
