namespace Platform.Postgres.Resilience;

/// <summary>Runs database work again when it fails for a transient reason.</summary>
/// <remarks>
/// The operation must open its own connection (from the data source) on every attempt, because a
/// failed attempt's connection may be broken. Pass <c>idempotent: true</c> when running the operation
/// twice is harmless, for example a single transaction or an upsert keyed by an idempotency key;
/// only then are serialization failures and deadlocks retried.
/// </remarks>
public interface IPostgresResilience
{
    ValueTask<TResult> ExecuteAsync<TResult>(
        Func<CancellationToken, ValueTask<TResult>> operation,
        bool idempotent = false,
        CancellationToken cancellationToken = default);

    ValueTask ExecuteAsync(
        Func<CancellationToken, ValueTask> operation,
        bool idempotent = false,
        CancellationToken cancellationToken = default);
}
