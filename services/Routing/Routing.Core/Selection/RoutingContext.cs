using Platform.Routing.Requests;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Selection;

/// <summary>Everything a strategy may weigh for one request.</summary>
public sealed record RoutingContext(CompletionRequest Request, PromptProfile Prompt, Tier Tier, bool BudgetTight);
