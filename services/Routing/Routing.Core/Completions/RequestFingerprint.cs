using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Platform.Routing.Requests;

namespace Platform.Routing.Completions;

/// <summary>
/// SHA-256 of everything that shapes a request's answer, written canonically: equal requests hash equally.
/// Used to tell a repeat of an idempotent call from a different call under the same key, and as the
/// response cache key.
/// </summary>
public static class RequestFingerprint
{
    public static string Of(CompletionRequest request, bool includeCaller)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", request.Model);
            json.WriteStartArray("messages");
            foreach (var message in request.Messages)
            {
                json.WriteStartArray();
                json.WriteNumberValue((int)message.Role);
                json.WriteStringValue(message.Content);
                json.WriteStringValue(message.Name ?? "");
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteNumber("max_tokens", request.RequestedMaxTokens);
            if (request.Temperature is { } t)
                json.WriteNumber("temperature", t);
            if (request.TopP is { } p)
                json.WriteNumber("top_p", p);
            json.WriteString("stop", string.Join('\u0001', request.Stop));
            var hints = request.Hints;
            json.WriteString("hints", $"{(int)hints.Strategy}|{(int)hints.TaskType}|{(int)hints.LatencySensitivity}|{(int)hints.UserTier}|{hints.MaxCostMicros}|" +
                $"{string.Join(',', hints.FallbackModels)}|{hints.DisableFallback}|{string.Join(',', hints.AllowedModels)}|{string.Join(',', hints.ExcludedModels)}|" +
                $"{string.Join(',', hints.RequiredCapabilities.Select(c => (int)c))}|{string.Join(',', hints.RequiredTags)}|{(int)hints.Complexity}");
            if (includeCaller)
            {
                json.WriteString("agent", request.AgentId);
                json.WriteNumber("tier", (int)request.TierOverride);
                json.WriteString("task", request.TaskId);
            }
            json.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
