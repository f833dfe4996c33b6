using Platform.Routing.Vocabulary;

namespace Platform.Routing.Upstream;

/// <summary>OpenAI's finish_reason strings.</summary>
public static class FinishReasons
{
    public static FinishReason Parse(string? value) => value switch
    {
        "stop" => FinishReason.Stop,
        "length" => FinishReason.Length,
        "content_filter" => FinishReason.ContentFilter,
        "tool_calls" or "function_call" => FinishReason.ToolCalls,
        _ => FinishReason.Unspecified,
    };

    public static string? ToWire(FinishReason reason) => reason switch
    {
        FinishReason.Stop => "stop",
        FinishReason.Length => "length",
        FinishReason.ContentFilter => "content_filter",
        FinishReason.ToolCalls => "tool_calls",
        _ => null,
    };
}
