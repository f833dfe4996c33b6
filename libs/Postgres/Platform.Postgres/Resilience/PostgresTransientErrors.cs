using System.Net.Sockets;
using Npgsql;

namespace Platform.Postgres.Resilience;

/// <summary>Decides which failures are worth another attempt.</summary>
public static class PostgresTransientErrors
{
    /// <summary>
    /// True for failures that a later attempt can outlive: the server refusing or dropping connections
    /// (restart, failover, 57P01 admin shutdown, too many connections), I/O errors and timeouts.
    /// Serialization failures (40001) and deadlocks (40P01) count only for idempotent operations, because
    /// they abort just the failing statement's transaction and a retry re-runs everything the operation
    /// did before it. Constraint violations and other errors in the data never count.
    /// </summary>
    public static bool IsTransient(Exception exception, bool idempotent) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => idempotent,
        PostgresException postgres => postgres.IsTransient,
        NpgsqlException npgsql => npgsql.IsTransient || IsConnectionFailure(npgsql.InnerException),
        _ => IsConnectionFailure(exception),
    };

    private static bool IsConnectionFailure(Exception? exception) => exception switch
    {
        SocketException socket => socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset
            or SocketError.ConnectionAborted or SocketError.HostUnreachable or SocketError.NetworkUnreachable
            or SocketError.TimedOut or SocketError.TryAgain,
        IOException or EndOfStreamException or TimeoutException => true,
        _ => false,
    };
}
