using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Routing.FrontDoor;

/// <summary>The fields of an OpenAI chat completion request the gateway reads; others are accepted and ignored.</summary>
public sealed class OpenAiChatRequest
{
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    [JsonPropertyName("messages")]
    public List<OpenAiMessage>? Messages { get; set; }

    [JsonPropertyName("max_tokens")]
    public int? MaxTokens { get; set; }

    [JsonPropertyName("max_completion_tokens")]
    public int? MaxCompletionTokens { get; set; }

    [JsonPropertyName("temperature")]
    public double? Temperature { get; set; }

    [JsonPropertyName("top_p")]
    public double? TopP { get; set; }

    /// <summary>A string or an array of strings.</summary>
    [JsonPropertyName("stop")]
    public JsonElement Stop { get; set; }

    [JsonPropertyName("stream")]
    public bool Stream { get; set; }

    [JsonPropertyName("stream_options")]
    public OpenAiStreamOptions? StreamOptions { get; set; }

    [JsonPropertyName("n")]
    public int? N { get; set; }
}

public sealed class OpenAiMessage
{
    [JsonPropertyName("role")]
    public string? Role { get; set; }

    /// <summary>A string, null, or an array of content parts (text parts are kept).</summary>
    [JsonPropertyName("content")]
    public JsonElement Content { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

public sealed class OpenAiStreamOptions
{
    [JsonPropertyName("include_usage")]
    public bool IncludeUsage { get; set; }
}

[JsonSerializable(typeof(OpenAiChatRequest))]
internal sealed partial class FrontDoorJsonContext : JsonSerializerContext;
