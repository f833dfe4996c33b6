using Platform.Routing.Budgeting;
using Platform.Routing.Catalog;
using Platform.Routing.Concurrency;
using Platform.Routing.Limits;

namespace Platform.Routing.Completions;

/// <summary>An attempt holding its limiter slot, shared lease and budget hold until it is settled.</summary>
public sealed record ActiveAttempt(
    ModelDefinition Model,
    Admission Admission,
    AdaptiveLimiter Limiter,
    BudgetHold Hold,
    long StartedTimestamp,
    long BackoffMs,
    long EstimatedInputTokens);
