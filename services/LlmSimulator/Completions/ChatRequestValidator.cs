using System.Globalization;
using Platform.LlmSimulator.OpenAi;

namespace Platform.LlmSimulator.Completions;

/// <summary>The checks OpenAI makes on a chat completion request that matter to callers' error handling.</summary>
public static class ChatRequestValidator
{
    public static ValidationError? Validate(ChatCompletionRequest request)
    {
        if (request.Messages is null)
        {
            return new("Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
        }
        if (request.Messages.Count == 0)
        {
            return new("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", "messages", "empty_array");
        }
        for (var i = 0; i < request.Messages.Count; i++)
        {
            var error = ValidateMessage(request.Messages[i], i);
            if (error is not null)
            {
                return error;
            }
        }
        if (request.N is { } n && n != 1)
        {
            return new(Format($"Invalid 'n': the simulator supports only n = 1, got {n}."), "n", "invalid_value");
        }
        return ValidateAtLeastOne(request.MaxTokens, "max_tokens")
            ?? ValidateAtLeastOne(request.MaxCompletionTokens, "max_completion_tokens")
            ?? ValidateRange(request.Temperature, 0, 2, "temperature")
            ?? ValidateRange(request.TopP, 0, 1, "top_p")
            ?? ValidateStreamOptions(request);
    }

    private static ValidationError? ValidateMessage(ChatMessage? message, int index)
    {
        if (message is null)
        {
            return new(Format($"Invalid type for 'messages[{index}]': expected an object, but got null instead."), Format($"messages[{index}]"), "invalid_type");
        }
        var param = Format($"messages[{index}].role");
        if (message.Role is null)
        {
            return new(Format($"Missing required parameter: '{param}'."), param, "missing_required_parameter");
        }
        if (message.Role is not ("system" or "user" or "assistant" or "tool" or "developer" or "function"))
        {
            return new(Format($"Invalid value: '{message.Role}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'."), param, "invalid_value");
        }
        return null;
    }

    private static ValidationError? ValidateAtLeastOne(int? value, string param) =>
        value is < 1
            ? new(Format($"Invalid '{param}': integer below minimum value. Expected a value >= 1, but got {value} instead."), param, "integer_below_min_value")
            : null;

    private static ValidationError? ValidateRange(double? value, double min, double max, string param)
    {
        if (value is null || (value >= min && value <= max))
        {
            return null;
        }
        return value < min
            ? new(Format($"Invalid '{param}': decimal below minimum value. Expected a value >= {min}, but got {value} instead."), param, "decimal_below_min_value")
            : new(Format($"Invalid '{param}': decimal above maximum value. Expected a value <= {max}, but got {value} instead."), param, "decimal_above_max_value");
    }

    private static ValidationError? ValidateStreamOptions(ChatCompletionRequest request) =>
        request.StreamOptions is not null && !request.IsStreaming
            ? new("The 'stream_options' parameter is only allowed when 'stream' is enabled.", "stream_options", null)
            : null;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
