namespace Platform.LlmSimulator.OpenAi;

/// <summary>OpenAI's <c>chat.completion</c> object.</summary>
public sealed class ChatCompletionResponse
{
    public required string Id { get; init; }
    public string Object { get; init; } = "chat.completion";
    public long Created { get; init; }
    public required string Model { get; init; }
    public string SystemFingerprint { get; init; } = OpenAiConstants.SystemFingerprint;
    public required ChatChoice[] Choices { get; init; }
    public required Usage Usage { get; init; }
}

public sealed class ChatChoice
{
    public int Index { get; init; }
    public required AssistantMessage Message { get; init; }
    public required string FinishReason { get; init; }
}

public sealed class AssistantMessage
{
    public string Role { get; init; } = "assistant";
    public required string Content { get; init; }
}

public sealed class Usage
{
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public int TotalTokens => PromptTokens + CompletionTokens;
}
