namespace Platform.Routing.Resilience;

/// <summary>Which models a tier may use when the caller names none. Values match platform.budget.v1.ModelCostPolicy.</summary>
public enum ModelCostPolicy
{
    Unspecified = 0,

    /// <summary>Whatever the strategy picks.</summary>
    Best = 1,

    /// <summary>The strategy's pick first; fallbacks go to cheaper models first.</summary>
    CheaperOnFallback = 2,

    /// <summary>Only the cheapest eligible models.</summary>
    Cheapest = 3,
}
