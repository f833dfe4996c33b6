using System.Buffers;
using System.Text.Json;
using Platform.Routing.Completions;
using Platform.Routing.Upstream;

namespace Platform.Routing.FrontDoor;

/// <summary>Writes OpenAI-shaped replies (a chat.completion, or chat.completion.chunk SSE events) straight into the response pipe.</summary>
internal static class OpenAiResponseWriter
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] DoneEvent = "data: [DONE]\n\n"u8.ToArray();

    public static void WriteCompletion(IBufferWriter<byte> output, CompletionResult result, long created)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("id"u8, result.RequestId);
        json.WriteString("object"u8, "chat.completion"u8);
        json.WriteNumber("created"u8, created);
        json.WriteString("model"u8, result.Model);
        json.WriteStartArray("choices"u8);
        json.WriteStartObject();
        json.WriteNumber("index"u8, 0);
        json.WriteStartObject("message"u8);
        json.WriteString("role"u8, "assistant"u8);
        json.WriteString("content"u8, result.Content);
        json.WriteEndObject();
        WriteFinishReason(json, result.FinishReason);
        json.WriteEndObject();
        json.WriteEndArray();
        WriteUsage(json, result.Usage);
        WriteRouting(json, result);
        json.WriteEndObject();
    }

    /// <summary>One chunk: the role opener, a content delta, or the closing chunk with finish_reason.</summary>
    public static void WriteChunk(IBufferWriter<byte> output, Utf8JsonWriter json, string id, string model, long created, string? content, bool roleOpener,
        Vocabulary.FinishReason? finish)
    {
        output.Write(DataPrefix);
        json.Reset(output);
        json.WriteStartObject();
        WriteChunkHeader(json, id, model, created);
        json.WriteStartArray("choices"u8);
        json.WriteStartObject();
        json.WriteNumber("index"u8, 0);
        json.WriteStartObject("delta"u8);
        if (roleOpener)
            json.WriteString("role"u8, "assistant"u8);
        if (content is not null || roleOpener)
            json.WriteString("content"u8, content ?? "");
        json.WriteEndObject();
        if (finish is { } reason)
            WriteFinishReason(json, reason);
        else
            json.WriteNull("finish_reason"u8);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.Write(EventEnd);
    }

    /// <summary>OpenAI's extra last chunk when <c>stream_options.include_usage</c> is set: no choices, the usage.</summary>
    public static void WriteUsageChunk(IBufferWriter<byte> output, Utf8JsonWriter json, CompletionResult result, long created)
    {
        output.Write(DataPrefix);
        json.Reset(output);
        json.WriteStartObject();
        WriteChunkHeader(json, result.RequestId, result.Model, created);
        json.WriteStartArray("choices"u8);
        json.WriteEndArray();
        WriteUsage(json, result.Usage);
        WriteRouting(json, result);
        json.WriteEndObject();
        json.Flush();
        output.Write(EventEnd);
    }

    public static void WriteErrorEvent(IBufferWriter<byte> output, RoutingException error)
    {
        output.Write(DataPrefix);
        OpenAiErrors.Write(output, error);
        output.Write(EventEnd);
    }

    public static void WriteDone(IBufferWriter<byte> output) => output.Write(DoneEvent);

    private static void WriteChunkHeader(Utf8JsonWriter json, string id, string model, long created)
    {
        json.WriteString("id"u8, id);
        json.WriteString("object"u8, "chat.completion.chunk"u8);
        json.WriteNumber("created"u8, created);
        json.WriteString("model"u8, model);
    }

    private static void WriteFinishReason(Utf8JsonWriter json, Vocabulary.FinishReason reason)
    {
        if (FinishReasons.ToWire(reason) is { } wire)
            json.WriteString("finish_reason"u8, wire);
        else
            json.WriteString("finish_reason"u8, "stop"u8);
    }

    private static void WriteUsage(Utf8JsonWriter json, CompletionUsage usage)
    {
        json.WriteStartObject("usage"u8);
        json.WriteNumber("prompt_tokens"u8, usage.InputTokens);
        json.WriteNumber("completion_tokens"u8, usage.OutputTokens);
        json.WriteNumber("total_tokens"u8, usage.TotalTokens);
        json.WriteEndObject();
    }

    /// <summary>The gateway's own facts, under a vendor key clients ignore.</summary>
    private static void WriteRouting(Utf8JsonWriter json, CompletionResult result)
    {
        json.WriteStartObject("x_routing"u8);
        json.WriteString("provider"u8, result.Provider);
        json.WriteNumber("fallback_depth"u8, result.FallbackDepth);
        json.WriteNumber("attempt_count"u8, result.AttemptCount);
        json.WriteNumber("cost_micros"u8, result.CostMicros);
        json.WriteBoolean("cache_hit"u8, result.CacheHit);
        json.WriteBoolean("deduplicated"u8, result.Deduplicated);
        json.WriteEndObject();
    }
}
