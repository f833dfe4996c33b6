namespace Platform.Routing.Budgeting;

/// <summary>Why a hold is returned. Values match platform.budget.v1.ReleaseReason.</summary>
public enum ReleaseKind
{
    Unspecified = 0,
    CallFailed = 1,
    Cancelled = 2,
    NotUsed = 3,
}
