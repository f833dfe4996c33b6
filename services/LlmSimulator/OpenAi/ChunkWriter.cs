using System.Buffers;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Platform.LlmSimulator.OpenAi;

/// <summary>
/// Writes <c>chat.completion.chunk</c> server-sent events straight into the response pipe with one
/// reused <see cref="Utf8JsonWriter"/>: no object graph and no string per token. The JSON writer is
/// flushed after every chunk and deliberately never disposed: disposing flushes into the pipe, which
/// fails once a dropped connection has completed it.
/// </summary>
public sealed class ChunkWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Relaxed escaping keeps non-ASCII text readable; the output is a JSON body, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly PipeWriter _pipe;
    private readonly Utf8JsonWriter _json;
    private readonly string _id;
    private readonly long _created;
    private readonly string _model;

    public ChunkWriter(PipeWriter pipe, string id, long created, string model)
    {
        _pipe = pipe;
        _json = new Utf8JsonWriter(pipe, WriterOptions);
        _id = id;
        _created = created;
        _model = model;
    }

    /// <summary>The first chunk: the assistant role with empty content, as OpenAI sends it.</summary>
    public void WriteRole()
    {
        BeginChunk();
        _json.WriteStartArray("choices"u8);
        _json.WriteStartObject();
        _json.WriteNumber("index"u8, 0);
        _json.WriteStartObject("delta"u8);
        _json.WriteString("role"u8, "assistant"u8);
        _json.WriteString("content"u8, ""u8);
        _json.WriteEndObject();
        _json.WriteNull("logprobs"u8);
        _json.WriteNull("finish_reason"u8);
        _json.WriteEndObject();
        _json.WriteEndArray();
        EndChunk();
    }

    public void WriteContent(ReadOnlySpan<char> token)
    {
        BeginChunk();
        _json.WriteStartArray("choices"u8);
        _json.WriteStartObject();
        _json.WriteNumber("index"u8, 0);
        _json.WriteStartObject("delta"u8);
        _json.WriteString("content"u8, token);
        _json.WriteEndObject();
        _json.WriteNull("logprobs"u8);
        _json.WriteNull("finish_reason"u8);
        _json.WriteEndObject();
        _json.WriteEndArray();
        EndChunk();
    }

    /// <summary>The chunk carrying finish_reason; with <paramref name="usage"/> when it is the last chunk.</summary>
    public void WriteFinish(string finishReason, Usage? usage)
    {
        BeginChunk();
        _json.WriteStartArray("choices"u8);
        _json.WriteStartObject();
        _json.WriteNumber("index"u8, 0);
        _json.WriteStartObject("delta"u8);
        _json.WriteEndObject();
        _json.WriteNull("logprobs"u8);
        _json.WriteString("finish_reason"u8, finishReason);
        _json.WriteEndObject();
        _json.WriteEndArray();
        if (usage is not null)
        {
            WriteUsage(usage);
        }
        EndChunk();
    }

    /// <summary>OpenAI's stream_options.include_usage chunk: empty choices and the usage.</summary>
    public void WriteUsageChunk(Usage usage)
    {
        BeginChunk();
        _json.WriteStartArray("choices"u8);
        _json.WriteEndArray();
        WriteUsage(usage);
        EndChunk();
    }

    public void WriteDone() => _pipe.Write("data: [DONE]\n\n"u8);

    private void BeginChunk()
    {
        _pipe.Write("data: "u8);
        _json.Reset(_pipe);
        _json.WriteStartObject();
        _json.WriteString("id"u8, _id);
        _json.WriteString("object"u8, "chat.completion.chunk"u8);
        _json.WriteNumber("created"u8, _created);
        _json.WriteString("model"u8, _model);
        _json.WriteString("system_fingerprint"u8, OpenAiConstants.SystemFingerprint);
    }

    private void EndChunk()
    {
        _json.WriteEndObject();
        // Commits the JSON to the pipe before the raw event terminator goes after it.
        _json.Flush();
        _pipe.Write("\n\n"u8);
    }

    private void WriteUsage(Usage usage)
    {
        _json.WriteStartObject("usage"u8);
        _json.WriteNumber("prompt_tokens"u8, usage.PromptTokens);
        _json.WriteNumber("completion_tokens"u8, usage.CompletionTokens);
        _json.WriteNumber("total_tokens"u8, usage.TotalTokens);
        _json.WriteEndObject();
    }
}
