namespace Platform.Agents.Loop;

/// <summary>How the loop treats a failed step call.</summary>
public enum StepFailureKind
{
    /// <summary>May succeed if tried again (unavailable, transient errors).</summary>
    Transient,

    /// <summary>The gateway is at its rate or concurrency limits (backpressure): wait and try again.</summary>
    RateLimited,

    /// <summary>The agent's budget refused the call.</summary>
    BudgetDenied,

    /// <summary>No model satisfies the step's constraints (possibly the task's remaining USD cap).</summary>
    NoEligibleModel,

    /// <summary>Will fail the same way every time (bad request, unknown or retired agent...).</summary>
    Permanent,

    /// <summary>The call was cancelled or its deadline passed; the loop decides what that means.</summary>
    Cancelled,
}
