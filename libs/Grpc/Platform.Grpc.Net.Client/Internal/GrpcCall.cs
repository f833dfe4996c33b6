using System.Diagnostics;
using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>
/// One gRPC call as one HTTP/2 request. This file holds the lifecycle: start, abort (deadline, caller's token,
/// dispose), and the single atomic finish that fixes the status and releases everything. Sending, receiving and
/// failure mapping live in the other GrpcCall.*.cs files.
/// </summary>
internal sealed partial class GrpcCall<TRequest, TResponse>
    where TRequest : class
    where TResponse : class
{
    private static readonly Func<object, Task<Metadata>> s_getHeaders = static call => ((GrpcCall<TRequest, TResponse>)call).GetResponseHeadersAsync();
    private static readonly Func<object, Status> s_getStatus = static call => ((GrpcCall<TRequest, TResponse>)call).GetStatus();
    private static readonly Func<object, Metadata> s_getTrailers = static call => ((GrpcCall<TRequest, TResponse>)call).GetTrailers();
    private static readonly Action<object> s_dispose = static call => ((GrpcCall<TRequest, TResponse>)call).Dispose();
    private static readonly Action<object?> s_cancelledByCaller = static call => ((GrpcCall<TRequest, TResponse>)call!).Abort(CallStatuses.CancelledByCaller);
    private static readonly Action<object?> s_cancelledByParent = static call => ((GrpcCall<TRequest, TResponse>)call!).Abort(CallStatuses.CancelledByParent);

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly string? _host;
    private readonly CallOptions _options;
    private readonly MethodRoute _route;
    private readonly CancellationTokenSource _callCts = new();
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private Activity? _activity;
    private DateTime? _deadline;
    private CancellationTokenRegistration _callerRegistration;
    private CancellationTokenRegistration _parentRegistration;
    private CallOutcome? _abortReason;
    private CallOutcome? _outcome;
    private Task<HttpResponseMessage> _responseTask = null!;
    private Task<TResponse>? _singleResponseTask;
    private StreamingRequestContent? _requestContent;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _host = host;
        _options = options;
        _route = channel.GetRoute(method);
    }

    public AsyncUnaryCall<TResponse> StartUnary(TRequest request)
    {
        var callerActivity = Activity.Current;
        try
        {
            Begin();
            _responseTask = SendAsync(request);
            _singleResponseTask = ReadSingleResponseAsync();
            return new AsyncUnaryCall<TResponse>(_singleResponseTask, s_getHeaders, s_getStatus, s_getTrailers, s_dispose, this);
        }
        finally
        {
            RestoreActivity(callerActivity);
        }
    }

    public AsyncServerStreamingCall<TResponse> StartServerStreaming(TRequest request)
    {
        var callerActivity = Activity.Current;
        try
        {
            Begin();
            _responseTask = SendAsync(request);
            var responseStream = new ResponseStreamReader<TRequest, TResponse>(this);
            return new AsyncServerStreamingCall<TResponse>(responseStream, s_getHeaders, s_getStatus, s_getTrailers, s_dispose, this);
        }
        finally
        {
            RestoreActivity(callerActivity);
        }
    }

    public AsyncClientStreamingCall<TRequest, TResponse> StartClientStreaming()
    {
        var callerActivity = Activity.Current;
        try
        {
            _requestContent = new StreamingRequestContent();
            Begin();
            _responseTask = SendAsync(message: null);
            var requestStream = new ClientStreamWriter<TRequest, TResponse>(this, _requestContent);
            _singleResponseTask = ReadSingleResponseAsync();
            return new AsyncClientStreamingCall<TRequest, TResponse>(requestStream, _singleResponseTask, s_getHeaders, s_getStatus, s_getTrailers, s_dispose, this);
        }
        finally
        {
            RestoreActivity(callerActivity);
        }
    }

    public AsyncDuplexStreamingCall<TRequest, TResponse> StartDuplexStreaming()
    {
        var callerActivity = Activity.Current;
        try
        {
            _requestContent = new StreamingRequestContent();
            Begin();
            _responseTask = SendAsync(message: null);
            var requestStream = new ClientStreamWriter<TRequest, TResponse>(this, _requestContent);
            var responseStream = new ResponseStreamReader<TRequest, TResponse>(this);
            return new AsyncDuplexStreamingCall<TRequest, TResponse>(requestStream, responseStream, s_getHeaders, s_getStatus, s_getTrailers, s_dispose, this);
        }
        finally
        {
            RestoreActivity(callerActivity);
        }
    }

    public Status GetStatus() =>
        Volatile.Read(ref _outcome)?.Status ?? throw new InvalidOperationException("Unable to get the status because the call is not complete.");

    public Metadata GetTrailers() =>
        Volatile.Read(ref _outcome)?.Trailers ?? throw new InvalidOperationException("Can't get the call trailers because the call has not completed successfully.");

    /// <summary>Cancels a call that is still running (RST_STREAM to the server); a finished call just stays finished.</summary>
    public void Dispose()
    {
        if (Volatile.Read(ref _outcome) is null)
        {
            Abort(CallStatuses.Disposed);
            Finish(CallStatuses.Disposed, Metadata.Empty);

            // A call disposed while running is usually never awaited; observe its failure so it is not reported as unobserved.
            _singleResponseTask?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private void Begin()
    {
        _activity = ClientTelemetry.StartCall(_route);
        _deadline = EffectiveDeadline();

        if (_options.CancellationToken.CanBeCanceled)
        {
            _callerRegistration = _options.CancellationToken.UnsafeRegister(s_cancelledByCaller, this);
        }

        if (_options.PropagationToken is { Options.IsPropagateCancellation: true } parent && parent.ParentCancellationToken.CanBeCanceled)
        {
            _parentRegistration = parent.ParentCancellationToken.UnsafeRegister(s_cancelledByParent, this);
        }

        if (_deadline is { } deadline)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                Abort(CallStatuses.DeadlineExceeded);
            }
            else if (remaining < CallStatuses.LongestTimer)
            {
                // The only cancellation without an abort reason: StatusFromFailure reads it as DEADLINE_EXCEEDED.
                _callCts.CancelAfter(remaining);
            }
        }
    }

    private DateTime? EffectiveDeadline()
    {
        DateTime? deadline = _options.Deadline is { } own && own != DateTime.MaxValue ? own.ToUniversalTime() : null;
        if (_options.PropagationToken is { Options.IsPropagateDeadline: true, ParentDeadline: { } parentDeadline }
            && (deadline is null || parentDeadline < deadline))
        {
            deadline = parentDeadline;
        }

        return deadline;
    }

    /// <summary>Ends the HTTP exchange early; whoever observes the resulting failure finishes with this status.</summary>
    private void Abort(Status status)
    {
        Interlocked.CompareExchange(ref _abortReason, new CallOutcome(status, Metadata.Empty), null);
        try
        {
            _callCts.Cancel();
        }
        catch (AggregateException)
        {
            // A transport callback threw while being cancelled; the call is over either way.
        }
    }

    /// <summary>Publishes the outcome once; later finishers get the first outcome back.</summary>
    private CallOutcome Finish(Status status, Metadata trailers)
    {
        var candidate = new CallOutcome(status, trailers);
        var winner = Interlocked.CompareExchange(ref _outcome, candidate, null);
        if (winner is not null)
        {
            return winner;
        }

        Release(status);
        return candidate;
    }

    private void Release(Status status)
    {
        _callerRegistration.Dispose();
        _parentRegistration.Dispose();
        if (status.StatusCode != StatusCode.OK)
        {
            Abort(status);
        }
        else if (_deadline is not null)
        {
            _callCts.CancelAfter(Timeout.InfiniteTimeSpan);
        }

        _requestContent?.Abort();
        ReleaseHttp();
        ClientTelemetry.EndCall(_route, _activity, status, _startTimestamp);
    }

    private void RestoreActivity(Activity? callerActivity)
    {
        // StartActivity made the call's span current; the caller's code after the call must not inherit it.
        if (_activity is not null)
        {
            Activity.Current = callerActivity;
        }
    }
}
