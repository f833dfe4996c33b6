using System.Buffers;
using System.Text.Json;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Upstream;

/// <summary>Writes the OpenAI request body straight to UTF-8 (no intermediate objects).</summary>
public static class RequestBodyWriter
{
    public static void Write(IBufferWriter<byte> output, UpstreamRequest request)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("model"u8, request.WireModel);
        json.WriteStartArray("messages"u8);
        foreach (var message in request.Messages)
        {
            json.WriteStartObject();
            json.WriteString("role"u8, Role(message.Role));
            json.WriteString("content"u8, message.Content);
            if (!string.IsNullOrEmpty(message.Name))
                json.WriteString("name"u8, message.Name);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("max_tokens"u8, request.MaxTokens);
        if (request.Temperature is { } temperature)
            json.WriteNumber("temperature"u8, temperature);
        if (request.TopP is { } topP)
            json.WriteNumber("top_p"u8, topP);
        if (request.Stop.Count > 0)
        {
            json.WriteStartArray("stop"u8);
            foreach (var stop in request.Stop)
                json.WriteStringValue(stop);
            json.WriteEndArray();
        }
        if (request.Stream)
        {
            json.WriteBoolean("stream"u8, true);
            json.WriteStartObject("stream_options"u8);
            json.WriteBoolean("include_usage"u8, true);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    public static string Role(ChatRole role) => role switch
    {
        ChatRole.System => "system",
        ChatRole.Assistant => "assistant",
        ChatRole.Tool => "tool",
        _ => "user",
    };
}
