namespace Platform.Budget.Domain;

/// <summary>What kind of failure a <see cref="BudgetException"/> is; the API maps each to one status code.</summary>
public enum BudgetErrorKind
{
    InvalidArgument,
    NotFound,
    AlreadyExists,
    FailedPrecondition,
    Aborted,
    OutOfRange,
    ResourceExhausted,
    Unavailable,
}
