using System.Text.Json;

namespace Platform.Routing.Upstream;

/// <summary>
/// Reads the fields the gateway needs from one streaming chunk with a forward-only reader: the delta's
/// content (the only allocation), finish_reason, usage and an error, skipping everything else.
/// </summary>
public static class StreamChunkParser
{
    public static StreamChunk Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string? content = null;
        string? finish = null;
        string? error = null;
        UpstreamUsage? usage = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("A stream chunk is not a JSON object.");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("choices"u8))
                ReadChoices(ref reader, ref content, ref finish);
            else if (reader.ValueTextEquals("usage"u8))
                usage = ReadUsage(ref reader);
            else if (reader.ValueTextEquals("error"u8))
                error = ReadError(ref reader);
            else
                SkipValue(ref reader);
        }
        return new StreamChunk(content, FinishReasons.Parse(finish), usage, error);
    }

    private static void ReadChoices(ref Utf8JsonReader reader, ref string? content, ref string? finish)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // n is always 1 here; later choices are ignored.
            if (index++ > 0 || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("delta"u8))
                    content = ReadDeltaContent(ref reader);
                else if (reader.ValueTextEquals("finish_reason"u8))
                {
                    reader.Read();
                    finish = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else
                    SkipValue(ref reader);
            }
        }
    }

    private static string? ReadDeltaContent(ref Utf8JsonReader reader)
    {
        string? content = null;
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length == 0)
                    content = null;
                else if (reader.TokenType == JsonTokenType.String)
                    content = reader.GetString();
            }
            else
                SkipValue(ref reader);
        }
        return string.IsNullOrEmpty(content) ? null : content;
    }

    private static UpstreamUsage? ReadUsage(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        long prompt = 0, completion = 0, cached = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("prompt_tokens"u8))
                prompt = ReadLong(ref reader);
            else if (reader.ValueTextEquals("completion_tokens"u8))
                completion = ReadLong(ref reader);
            else if (reader.ValueTextEquals("prompt_tokens_details"u8))
                cached = ReadCachedTokens(ref reader);
            else
                SkipValue(ref reader);
        }
        return new UpstreamUsage(prompt, completion, cached);
    }

    private static long ReadCachedTokens(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return 0;
        }
        long cached = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("cached_tokens"u8))
                cached = ReadLong(ref reader);
            else
                SkipValue(ref reader);
        }
        return cached;
    }

    private static string ReadError(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
            return reader.GetString() ?? "provider error";
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return "provider error";
        }
        var message = "provider error";
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                message = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? message : message;
            }
            else
                SkipValue(ref reader);
        }
        return message;
    }

    private static long ReadLong(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : 0;
    }

    private static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }
}
