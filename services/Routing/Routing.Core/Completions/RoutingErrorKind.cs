namespace Platform.Routing.Completions;

/// <summary>The kinds of failure the gateway reports; the front doors map them to gRPC codes and HTTP statuses.</summary>
public enum RoutingErrorKind
{
    InvalidArgument,
    NotFound,
    FailedPrecondition,
    ResourceExhausted,
    Unavailable,
    DeadlineExceeded,
    Cancelled,
    AlreadyExists,
    Aborted,
    Internal,
}
