using Platform.Routing.Completions;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Requests;

/// <summary>The contract's rules for a well-formed request (protos/README.md); the first broken one is reported.</summary>
public static class RequestValidator
{
    public const int MaxMessages = 4096;
    public const int MaxStopSequences = 4;
    public const int MaxNameLength = 64;

    public static void Validate(CompletionRequest request, bool messagesRequired = true)
    {
        ValidateAgentId(request.AgentId);
        if (messagesRequired && request.Messages.Count == 0)
            throw Invalid("messages must contain at least one message");
        if (request.Messages.Count > MaxMessages)
            throw Invalid($"messages may contain at most {MaxMessages} messages");
        for (var i = 0; i < request.Messages.Count; i++)
            ValidateMessage(request.Messages[i], i);
        if (request.MaxTokens is <= 0)
            throw Invalid("max_tokens must be greater than 0");
        if (request.Temperature is { } t && (double.IsNaN(t) || t < 0 || t > 2))
            throw Invalid("temperature must be between 0 and 2");
        if (request.TopP is { } p && (double.IsNaN(p) || p < 0 || p > 1))
            throw Invalid("top_p must be between 0 and 1");
        if (request.Stop.Count > MaxStopSequences)
            throw Invalid($"stop may contain at most {MaxStopSequences} sequences");
        if (request.IdempotencyKey.Length > 0 && !IsPrintableKey(request.IdempotencyKey))
            throw Invalid("idempotency_key must be 1-128 printable ASCII characters");
        if (request.Hints.MaxCostMicros is < 0)
            throw Invalid("hints.max_cost_micros must not be negative");
        if (!Enum.IsDefined(request.TierOverride))
            throw Invalid("tier_override is not a known tier");
    }

    public static void ValidateAgentId(string agentId)
    {
        if (string.IsNullOrEmpty(agentId))
            throw Invalid("agent_id is required");
        if (agentId.Length > 128 || !agentId.All(IsIdChar))
            throw Invalid("agent_id must be 1-128 of [A-Za-z0-9._:-]");
    }

    private static void ValidateMessage(ChatMessage message, int index)
    {
        if (message.Role == ChatRole.Unspecified || !Enum.IsDefined(message.Role))
            throw Invalid($"messages[{index}].role is required");
        if (message.Content.Length == 0 && message.Role != ChatRole.Assistant)
            throw Invalid($"messages[{index}].content may be empty only for assistant messages");
        if (message.Name is { Length: > MaxNameLength })
            throw Invalid($"messages[{index}].name is longer than {MaxNameLength} characters");
    }

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-';

    private static bool IsPrintableKey(string key) => key.Length <= 128 && key.All(c => c is >= ' ' and <= '~');

    private static RoutingException Invalid(string message) => RoutingException.InvalidArgument(message);
}
