using System.Text.Json.Serialization;

namespace Platform.LlmSimulator.OpenAi;

public sealed class ChatMessage
{
    public string? Role { get; set; }

    /// <summary>The text of the message: a plain string, or the text parts of a content array joined by newlines.</summary>
    [JsonConverter(typeof(MessageContentConverter))]
    public string? Content { get; set; }

    public string? Name { get; set; }
}
