namespace Platform.Routing.Vocabulary;

/// <summary>Outcome of one upstream attempt. Values match platform.routing.v1.AttemptStatus.</summary>
public enum AttemptStatus
{
    Unspecified = 0,
    Ok = 1,
    RateLimited = 2,
    ServerError = 3,
    Timeout = 4,
    ConnectionError = 5,
    BreakerOpen = 6,
    BudgetDenied = 7,
    ClientError = 8,
    Cancelled = 9,
}
