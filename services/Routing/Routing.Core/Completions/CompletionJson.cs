using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Routing.Completions;

/// <summary>Serializes results for the idempotency store and the response cache.</summary>
[JsonSerializable(typeof(CompletionResult))]
[JsonSourceGenerationOptions(UseStringEnumConverter = false)]
internal sealed partial class CompletionJsonContext : JsonSerializerContext;

public static class CompletionJson
{
    public static byte[] Serialize(CompletionResult result) => JsonSerializer.SerializeToUtf8Bytes(result, CompletionJsonContext.Default.CompletionResult);

    public static CompletionResult Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, CompletionJsonContext.Default.CompletionResult) ?? throw new JsonException("empty result");
}
