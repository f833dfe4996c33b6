namespace Platform.Hosting;

/// <summary>Whether the AppHost runs the application or publishes it (<c>--publisher manifest|kubernetes</c>).</summary>
public sealed class DistributedApplicationExecutionContext(string? publisher, string? outputPath)
{
    public string? Publisher { get; } = publisher;

    public string? OutputPath { get; } = outputPath;

    public bool IsPublishMode => !string.IsNullOrEmpty(Publisher);

    public bool IsRunMode => !IsPublishMode;
}
