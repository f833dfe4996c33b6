using Platform.Routing.Requests;
using Platform.Routing.V1;
using Domain = Platform.Routing.Vocabulary;
using ProtoMessage = Platform.Common.V1.ChatMessage;

namespace Platform.Routing.Grpc;

/// <summary>Contract requests to domain requests. Enum values are shared by number (see Routing.Core/Vocabulary).</summary>
internal static class RequestMapper
{
    public static CompletionRequest ToDomain(CompleteRequest request) => new()
    {
        AgentId = request.AgentId,
        Messages = Messages(request.Messages),
        Model = request.Model,
        Hints = Hints(request.Hints),
        MaxTokens = request.MaxTokens,
        Temperature = request.Temperature,
        TopP = request.TopP,
        Stop = [.. request.Stop],
        IdempotencyKey = request.IdempotencyKey,
        TierOverride = (Domain.Tier)(int)request.TierOverride,
        TaskId = request.TaskId,
        CacheMode = (Domain.CacheMode)(int)request.CacheMode,
    };

    public static CompletionRequest ToDomain(StreamCompleteRequest request) => new()
    {
        AgentId = request.AgentId,
        Messages = Messages(request.Messages),
        Model = request.Model,
        Hints = Hints(request.Hints),
        MaxTokens = request.MaxTokens,
        Temperature = request.Temperature,
        TopP = request.TopP,
        Stop = [.. request.Stop],
        IdempotencyKey = request.IdempotencyKey,
        TierOverride = (Domain.Tier)(int)request.TierOverride,
        TaskId = request.TaskId,
        CacheMode = (Domain.CacheMode)(int)request.CacheMode,
        Stream = true,
    };

    public static CompletionRequest ToDomain(RouteRequest request) => new()
    {
        AgentId = request.AgentId,
        Messages = Messages(request.Messages),
        Model = request.Model,
        Hints = Hints(request.Hints),
        MaxTokens = request.MaxTokens,
        TierOverride = (Domain.Tier)(int)request.TierOverride,
    };

    private static List<ChatMessage> Messages(IEnumerable<ProtoMessage> messages) =>
        messages.Select(m => new ChatMessage((Domain.ChatRole)(int)m.Role, m.Content, string.IsNullOrEmpty(m.Name) ? null : m.Name)).ToList();

    private static Requests.RoutingHints Hints(V1.RoutingHints? hints) => hints is null
        ? Requests.RoutingHints.None
        : new Requests.RoutingHints
        {
            Strategy = (Domain.Strategy)(int)hints.Strategy,
            TaskType = (Domain.TaskType)(int)hints.TaskType,
            LatencySensitivity = (Domain.LatencySensitivity)(int)hints.LatencySensitivity,
            UserTier = (Domain.UserTier)(int)hints.UserTier,
            MaxCostMicros = hints.MaxCostMicros,
            FallbackModels = [.. hints.FallbackModels],
            DisableFallback = hints.DisableFallback,
            AllowedModels = [.. hints.AllowedModels],
            ExcludedModels = [.. hints.ExcludedModels],
            RequiredCapabilities = hints.RequiredCapabilities.Select(c => (Domain.Capability)(int)c).ToList(),
            RequiredTags = [.. hints.RequiredTags],
            Complexity = (Domain.Complexity)(int)hints.Complexity,
        };
}
