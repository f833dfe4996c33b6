using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Platform.Postgres.Resilience;

/// <summary>
/// Two Polly pipelines (total timeout around jittered exponential retries) that differ only in
/// whether serialization failures and deadlocks are retried.
/// </summary>
public sealed class PostgresResilience : IPostgresResilience
{
    private readonly ResiliencePipeline _idempotent;
    private readonly ResiliencePipeline _nonIdempotent;

    public PostgresResilience(IOptions<PostgresResilienceOptions> options, ILogger<PostgresResilience> logger)
    {
        _idempotent = Build(options.Value, logger, idempotent: true);
        _nonIdempotent = Build(options.Value, logger, idempotent: false);
    }

    public PostgresResilience(PostgresResilienceOptions options)
        : this(Options.Create(options), NullLogger<PostgresResilience>.Instance)
    {
    }

    public ValueTask<TResult> ExecuteAsync<TResult>(
        Func<CancellationToken, ValueTask<TResult>> operation,
        bool idempotent = false,
        CancellationToken cancellationToken = default) =>
        Pipeline(idempotent).ExecuteAsync(static (op, token) => op(token), operation, cancellationToken);

    public ValueTask ExecuteAsync(
        Func<CancellationToken, ValueTask> operation,
        bool idempotent = false,
        CancellationToken cancellationToken = default) =>
        Pipeline(idempotent).ExecuteAsync(static (op, token) => op(token), operation, cancellationToken);

    private ResiliencePipeline Pipeline(bool idempotent) => idempotent ? _idempotent : _nonIdempotent;

    private static ResiliencePipeline Build(PostgresResilienceOptions options, ILogger logger, bool idempotent) =>
        new ResiliencePipelineBuilder()
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout })
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception && PostgresTransientErrors.IsTransient(exception, idempotent)),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    logger.LogWarning(
                        args.Outcome.Exception,
                        "Transient PostgreSQL failure on attempt {Attempt}; retrying in {Delay}",
                        args.AttemptNumber + 1,
                        args.RetryDelay);
                    return default;
                },
            })
            .Build();
}
