namespace Platform.LlmSimulator.OpenAi;

/// <summary>The subset of OpenAI's chat completion request the simulator reads; other fields are ignored.</summary>
public sealed class ChatCompletionRequest
{
    public string? Model { get; set; }

    public List<ChatMessage>? Messages { get; set; }

    public int? MaxTokens { get; set; }

    public int? MaxCompletionTokens { get; set; }

    public double? Temperature { get; set; }

    public double? TopP { get; set; }

    public bool? Stream { get; set; }

    public StreamOptions? StreamOptions { get; set; }

    public long? Seed { get; set; }

    public string? User { get; set; }

    public int? N { get; set; }

    /// <summary>max_completion_tokens wins over the older max_tokens, as in OpenAI's API.</summary>
    public int? EffectiveMaxTokens => MaxCompletionTokens ?? MaxTokens;

    public bool IsStreaming => Stream == true;
}
