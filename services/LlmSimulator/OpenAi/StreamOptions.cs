namespace Platform.LlmSimulator.OpenAi;

public sealed class StreamOptions
{
    public bool? IncludeUsage { get; set; }
}
