using System.Text;
using System.Text.Json;
using Platform.Routing.Completions;
using Platform.Routing.Requests;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.FrontDoor;

/// <summary>Reads an OpenAI chat request into a domain request; routing extensions come as <c>x-routing-*</c> headers.</summary>
internal static class OpenAiRequestReader
{
    /// <summary>Model names that mean "let the gateway choose".</summary>
    private static readonly HashSet<string> AutoModels = new(StringComparer.OrdinalIgnoreCase) { "", "auto", "router", "default" };

    public static (CompletionRequest Request, bool IncludeUsage) Read(OpenAiChatRequest body, string agentId, IHeaderDictionary headers)
    {
        if (body.N is > 1)
            throw Invalid("n must be 1", "n");
        if (body.Messages is null)
            throw Invalid("messages is required", "messages");
        var messages = body.Messages.Select((m, i) => Message(m, i)).ToList();
        var model = body.Model?.Trim() ?? "";
        var request = new CompletionRequest
        {
            AgentId = agentId,
            Messages = messages,
            Model = AutoModels.Contains(model) ? "" : model,
            MaxTokens = body.MaxCompletionTokens ?? body.MaxTokens,
            Temperature = body.Temperature,
            TopP = body.TopP,
            Stop = Stop(body.Stop),
            Stream = body.Stream,
            IdempotencyKey = First(headers, "idempotency-key", "x-idempotency-key"),
            TaskId = First(headers, "x-task-id"),
            TierOverride = Enum<Tier>(First(headers, "x-routing-tier"), "x-routing-tier"),
            Hints = new RoutingHints
            {
                Strategy = Enum<Strategy>(First(headers, "x-routing-strategy"), "x-routing-strategy"),
                TaskType = Enum<TaskType>(First(headers, "x-routing-task-type"), "x-routing-task-type"),
                LatencySensitivity = Enum<LatencySensitivity>(First(headers, "x-routing-latency-sensitivity"), "x-routing-latency-sensitivity"),
                DisableFallback = string.Equals(First(headers, "x-routing-fallback"), "off", StringComparison.OrdinalIgnoreCase),
                FallbackModels = List(First(headers, "x-routing-fallback-models")),
            },
        };
        return (request, body.StreamOptions?.IncludeUsage ?? false);
    }

    private static ChatMessage Message(OpenAiMessage message, int index)
    {
        var role = message.Role switch
        {
            "system" or "developer" => ChatRole.System,
            "user" => ChatRole.User,
            "assistant" => ChatRole.Assistant,
            "tool" or "function" => ChatRole.Tool,
            _ => throw Invalid($"messages[{index}].role must be system, user, assistant or tool", $"messages[{index}].role"),
        };
        return new ChatMessage(role, Content(message.Content, index), string.IsNullOrEmpty(message.Name) ? null : message.Name);
    }

    private static string Content(JsonElement content, int index)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                return content.GetString()!;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return "";
            case JsonValueKind.Array:
                var text = new StringBuilder();
                foreach (var part in content.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out var type) && type.ValueEquals("text") &&
                        part.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        if (text.Length > 0)
                            text.Append('\n');
                        text.Append(value.GetString());
                    }
                }
                return text.ToString();
            default:
                throw Invalid($"messages[{index}].content must be a string or an array of content parts", $"messages[{index}].content");
        }
    }

    private static List<string> Stop(JsonElement stop) => stop.ValueKind switch
    {
        JsonValueKind.String => [stop.GetString()!],
        JsonValueKind.Array => stop.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.String ? s.GetString()! : throw Invalid("stop must contain strings", "stop")).ToList(),
        JsonValueKind.Null or JsonValueKind.Undefined => [],
        _ => throw Invalid("stop must be a string or an array of strings", "stop"),
    };

    private static string First(IHeaderDictionary headers, params string[] names)
    {
        foreach (var name in names)
        {
            if (headers.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value.ToString()))
                return value.ToString();
        }
        return "";
    }

    private static List<string> List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>Accepts "cost", "COST", "STRATEGY_COST", "least_latency"...</summary>
    private static T Enum<T>(string value, string header) where T : struct, Enum
    {
        if (value.Length == 0)
            return default;
        var name = value.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var prefix = typeof(T).Name;
        if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            name = name[prefix.Length..];
        return System.Enum.TryParse<T>(name, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !parsed.Equals(default(T))
            ? parsed
            : throw Invalid($"header {header} has unknown value '{value}'", header);
    }

    private static RoutingException Invalid(string message, string parameter) =>
        new(RoutingErrorKind.InvalidArgument, ErrorReasons.InvalidArgument, message) { Parameter = parameter };
}
