using System.Text.Json.Serialization;

namespace Platform.Routing.Upstream;

/// <summary>The parts of an OpenAI chat completion reply the gateway reads.</summary>
public sealed class ChatCompletionReply
{
    [JsonPropertyName("choices")]
    public List<ReplyChoice>? Choices { get; set; }

    [JsonPropertyName("usage")]
    public ReplyUsage? Usage { get; set; }
}

public sealed class ReplyChoice
{
    [JsonPropertyName("message")]
    public ReplyMessage? Message { get; set; }

    [JsonPropertyName("finish_reason")]
    public string? FinishReason { get; set; }
}

public sealed class ReplyMessage
{
    [JsonPropertyName("content")]
    public string? Content { get; set; }
}

public sealed class ReplyUsage
{
    [JsonPropertyName("prompt_tokens")]
    public long PromptTokens { get; set; }

    [JsonPropertyName("completion_tokens")]
    public long CompletionTokens { get; set; }

    [JsonPropertyName("prompt_tokens_details")]
    public ReplyPromptDetails? PromptTokensDetails { get; set; }
}

public sealed class ReplyPromptDetails
{
    [JsonPropertyName("cached_tokens")]
    public long CachedTokens { get; set; }
}

/// <summary>An OpenAI error body: <c>{"error":{"message":...,"type":...,"code":...}}</c>.</summary>
public sealed class ErrorReply
{
    [JsonPropertyName("error")]
    public ErrorReplyDetail? Error { get; set; }
}

public sealed class ErrorReplyDetail
{
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("code")]
    public string? Code { get; set; }
}

[JsonSerializable(typeof(ChatCompletionReply))]
[JsonSerializable(typeof(ErrorReply))]
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
internal sealed partial class OpenAiJsonContext : JsonSerializerContext;
