namespace Platform.Agents.Domain;

/// <summary>Why a request to the agents service could not be served (mapped to a gRPC status at the edge).</summary>
public enum AgentsErrorKind
{
    InvalidArgument,
    NotFound,
    AlreadyExists,
    FailedPrecondition,
    Aborted,
    ResourceExhausted,
    Unavailable,
}
