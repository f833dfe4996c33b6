using Grpc.Core;
using Polly;
using Polly.Retry;

namespace Platform.ServiceDefaults.Clients;

/// <summary>
/// Jittered exponential retries of idempotent unary calls on <c>UNAVAILABLE</c> only: the one status
/// that means "this replica could not take the call", never "the call ran and failed". A retry is
/// attempted only when its delay still fits before the caller's deadline.
/// </summary>
internal sealed class UnaryRetryPolicy
{
    private readonly GrpcClientOptions _options;
    private readonly ResiliencePipeline _pipeline;
    private static readonly ResiliencePropertyKey<DateTime?> DeadlineKey = new("grpc.deadline");

    public UnaryRetryPolicy(GrpcClientOptions options)
    {
        _options = options;
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args)),
            })
            .Build();
    }

    public bool Applies(IMethod method) => _options.MaxRetries > 0 && _options.IsIdempotent(method);

    public AsyncUnaryCall<TResponse> Invoke<TRequest, TResponse>(
        RoundRobinCallInvoker invoker, Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        where TRequest : class where TResponse : class
    {
        AsyncUnaryCall<TResponse>? current = null;
        var response = ExecuteAsync();
        return new AsyncUnaryCall<TResponse>(
            response,
            HeadersAsync(),
            () => current?.GetStatus() ?? throw new InvalidOperationException("The call has not completed."),
            () => current?.GetTrailers() ?? throw new InvalidOperationException("The call has not completed."),
            () => current?.Dispose());

        async Task<TResponse> ExecuteAsync()
        {
            var context = ResilienceContextPool.Shared.Get(options.CancellationToken);
            context.Properties.Set(DeadlineKey, options.Deadline);
            try
            {
                return await _pipeline.ExecuteAsync(async _ =>
                {
                    current?.Dispose();
                    current = invoker.Next().AsyncUnaryCall(method, host, options, request);
                    return await current.ResponseAsync.ConfigureAwait(false);
                }, context).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        async Task<Metadata> HeadersAsync()
        {
            try { await response.ConfigureAwait(false); } catch (RpcException) { }
            return current is null ? Metadata.Empty : await current.ResponseHeadersAsync.ConfigureAwait(false);
        }
    }

    private bool ShouldRetry(RetryPredicateArguments<object> args)
    {
        if (args.Outcome.Exception is not RpcException { StatusCode: StatusCode.Unavailable })
            return false;
        if (!args.Context.Properties.TryGetValue(DeadlineKey, out var deadline) || deadline is null || deadline == DateTime.MaxValue)
            return true;
        // The next delay is at most BaseDelay * 2^attempt (plus jitter); give the attempt itself as long again.
        var worstDelay = _options.BaseDelay * Math.Pow(2, args.AttemptNumber + 1);
        return deadline.Value.ToUniversalTime() - DateTime.UtcNow > worstDelay * 2;
    }
}
