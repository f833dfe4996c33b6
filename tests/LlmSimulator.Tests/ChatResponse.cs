using System.Text.Json.Nodes;

namespace Platform.LlmSimulator.Tests;

/// <summary>Reads the fields tests look at from a chat.completion body.</summary>
public static class ChatResponse
{
    public static string Content(JsonNode body) => (string)body["choices"]![0]!["message"]!["content"]!;

    public static string FinishReason(JsonNode body) => (string)body["choices"]![0]!["finish_reason"]!;

    public static int PromptTokens(JsonNode body) => (int)body["usage"]!["prompt_tokens"]!;

    public static int CompletionTokens(JsonNode body) => (int)body["usage"]!["completion_tokens"]!;

    public static int TotalTokens(JsonNode body) => (int)body["usage"]!["total_tokens"]!;

    public static long Outcome(JsonNode stats, string name) => (long)stats["outcomes"]![name]!;
}
