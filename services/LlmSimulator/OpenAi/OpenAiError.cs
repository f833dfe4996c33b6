using System.Text.Json.Serialization;

namespace Platform.LlmSimulator.OpenAi;

/// <summary>OpenAI's error body: <c>{"error":{"message","type","param","code"}}</c>.</summary>
public sealed class OpenAiErrorBody
{
    public required OpenAiError Error { get; init; }
}

public sealed class OpenAiError
{
    public required string Message { get; init; }

    public required string Type { get; init; }

    // OpenAI sends param and code as explicit nulls; some clients read them without checking presence.
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Param { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Code { get; init; }
}
