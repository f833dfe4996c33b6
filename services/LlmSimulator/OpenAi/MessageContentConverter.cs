using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.LlmSimulator.OpenAi;

/// <summary>
/// Reads <c>content</c> as OpenAI allows it: a string, null, or an array of parts where text parts
/// (<c>{"type":"text","text":"..."}</c>) are kept and other parts (images, audio) are skipped.
/// </summary>
public sealed class MessageContentConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartArray:
                return ReadParts(ref reader);
            default:
                throw new JsonException("content must be a string or an array of content parts.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static string ReadParts(ref Utf8JsonReader reader)
    {
        StringBuilder? text = null;
        string? single = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("each content part must be an object.");
            }
            var part = ReadTextPart(ref reader);
            if (part is null)
            {
                continue;
            }
            if (single is null && text is null)
            {
                single = part;
                continue;
            }
            text ??= new StringBuilder(single);
            text.Append('\n').Append(part);
        }
        return text?.ToString() ?? single ?? string.Empty;
    }

    /// <summary>Returns the text of a text part, or null for any other kind of part.</summary>
    private static string? ReadTextPart(ref Utf8JsonReader reader)
    {
        string? type = null;
        string? text = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var isType = reader.ValueTextEquals("type"u8);
            var isText = reader.ValueTextEquals("text"u8);
            reader.Read();
            if (isType && reader.TokenType == JsonTokenType.String)
            {
                type = reader.GetString();
            }
            else if (isText && reader.TokenType == JsonTokenType.String)
            {
                text = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }
        if (type is null)
        {
            throw new JsonException("each content part needs a type.");
        }
        return type == "text" ? text ?? throw new JsonException("a text content part needs text.") : null;
    }
}
