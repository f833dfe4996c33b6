namespace Platform.LlmSimulator.OpenAi;

/// <summary>OpenAI's list of models (<c>GET /v1/models</c>).</summary>
public sealed class ModelList
{
    public string Object { get; init; } = "list";
    public required List<ModelEntry> Data { get; init; }
}

public sealed class ModelEntry
{
    public required string Id { get; init; }
    public string Object { get; init; } = "model";
    public long Created { get; init; }
    public required string OwnedBy { get; init; }
}
