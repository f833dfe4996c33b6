using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Primitives;

namespace Grpc.AspNetCore.Server.Internal;

internal sealed partial class GrpcServerCall
{
    // CancellationTokenSource.CancelAfter accepts at most uint.MaxValue - 1 milliseconds; longer deadlines never fire in practice.
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private DateTime _deadline = DateTime.MaxValue;
    private CancellationToken _cancellationToken;
    private CancellationTokenSource? _deadlineSource;
    private long _startTimestamp;
    private Activity? _activity;
    private ServerMethodTelemetry? _telemetry;
    private bool _callEnded;

    /// <summary>True once the handler has returned and the status is being sent; streams refuse further writes.</summary>
    public bool CallEnded => _callEnded;

    private bool DeadlineExceeded =>
        _deadlineSource is { IsCancellationRequested: true } && !HttpContext.RequestAborted.IsCancellationRequested;

    public void BeginCall(ServerMethodTelemetry telemetry)
    {
        _telemetry = telemetry;
        _startTimestamp = Stopwatch.GetTimestamp();
        StartTelemetry(telemetry);

        // gRPC enforces its own message size limit, and streaming calls may legitimately idle for long periods.
        var features = HttpContext.Features;
        if (features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxBodySize)
        {
            maxBodySize.MaxRequestBodySize = null;
        }

        if (features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minDataRate)
        {
            minDataRate.MinDataRate = null;
        }

        _cancellationToken = HttpContext.RequestAborted;
        if (HttpContext.Request.Headers.TryGetValue(GrpcProtocol.TimeoutHeader, out var timeoutValue))
        {
            StartDeadline(timeoutValue);
        }

        HttpContext.Response.ContentType = GrpcProtocol.ContentType;
    }

    /// <summary>Maps whatever the handler threw onto the call's status (and trailers).</summary>
    public void SetStatusFromException(Exception exception)
    {
        if (exception is RpcException rpcException)
        {
            ServerLog.RpcExceptionThrown(Options.Logger, _method.FullName, rpcException.StatusCode, rpcException.Status.Detail);
            Status = rpcException.Status;
            foreach (var entry in rpcException.Trailers)
            {
                ResponseTrailers.Add(entry);
            }

            return;
        }

        if (DeadlineExceeded && exception is OperationCanceledException or IOException)
        {
            Status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            return;
        }

        if (HttpContext.RequestAborted.IsCancellationRequested)
        {
            Status = new Status(StatusCode.Cancelled, "Call canceled by the client.", exception);
            return;
        }

        ServerLog.HandlerError(Options.Logger, _method.FullName, exception);
        var detail = Options.EnableDetailedErrors
            ? $"Exception was thrown by handler. {exception.GetType().Name}: {exception.Message}"
            : "Exception was thrown by handler.";
        Status = new Status(StatusCode.Internal, detail, exception);
    }

    /// <summary>
    /// Sends grpc-status, grpc-message and the response trailers: in the HEADERS frame (trailers-only) when nothing
    /// was sent yet, otherwise as HTTP/2 trailers. The response itself ends when the request delegate returns.
    /// </summary>
    public void EndCall()
    {
        _callEnded = true;
        if (DeadlineExceeded)
        {
            ServerLog.DeadlineExceeded(Options.Logger, _method.FullName);
            Status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        else if (HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client reset the stream: nothing can reach it any more.
            ServerLog.CallCancelled(Options.Logger, _method.FullName);
            Status = new Status(StatusCode.Cancelled, "Call canceled by the client.");
        }

        _deadlineSource?.Dispose();
        var status = Status;
        if (!HttpContext.RequestAborted.IsCancellationRequested)
        {
            TryWriteStatus(status);
        }

        StopTelemetry(status.StatusCode);
    }

    private void TryWriteStatus(Status status)
    {
        try
        {
            var response = HttpContext.Response;
            if (!response.HasStarted && _responseWriter is not { HasWritten: true })
            {
                WriteStatus(response.Headers, status);
            }
            else if (response.SupportsTrailers())
            {
                var trailers = HttpContext.Features.Get<IHttpResponseTrailersFeature>()!.Trailers;
                WriteStatus(trailers, status);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or IOException)
        {
            ServerLog.StatusWriteFailed(Options.Logger, _method.FullName, ex);
        }
    }

    private void WriteStatus(IHeaderDictionary target, Status status)
    {
        target[GrpcProtocol.StatusHeader] = GrpcStatusWire.ToWire(status.StatusCode);
        if (!string.IsNullOrEmpty(status.Detail))
        {
            target[GrpcProtocol.MessageHeader] = GrpcMessageEncoding.Encode(status.Detail);
        }

        if (_responseTrailers is { Count: > 0 })
        {
            AppendMetadata(target, _responseTrailers);
        }
    }

    private void StartDeadline(StringValues timeoutValue)
    {
        var text = timeoutValue.ToString();
        if (!GrpcTimeout.TryParse(text, out var timeout))
        {
            ServerLog.InvalidTimeout(Options.Logger, text);
            return;
        }

        var now = DateTime.UtcNow;
        _deadline = timeout >= DateTime.MaxValue - now ? DateTime.MaxValue : now + timeout;
        if (timeout > MaxTimerDelay)
        {
            return;
        }

        _deadlineSource = CancellationTokenSource.CreateLinkedTokenSource(HttpContext.RequestAborted);
        _deadlineSource.CancelAfter(timeout);
        _cancellationToken = _deadlineSource.Token;
    }

    private void StartTelemetry(ServerMethodTelemetry telemetry)
    {
        if (GrpcServerTelemetry.CallsStarted.Enabled)
        {
            GrpcServerTelemetry.CallsStarted.Add(1, telemetry.CreateTags());
        }

        if (!GrpcServerTelemetry.ActivitySource.HasListeners())
        {
            return;
        }

        // Under ASP.NET Core's own request activity the parent is already Activity.Current; otherwise take the
        // W3C trace context straight from the request headers.
        ActivityContext parent = default;
        var headers = HttpContext.Request.Headers;
        if (Activity.Current is null && headers.TryGetValue("traceparent", out var traceParent))
        {
            ActivityContext.TryParse(traceParent.ToString(), headers["tracestate"].ToString(), isRemote: true, out parent);
        }

        _activity = GrpcServerTelemetry.ActivitySource.StartActivity(telemetry.ActivityName, ActivityKind.Server, parent);
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag("rpc.system", "grpc");
            _activity.SetTag("rpc.service", telemetry.ServiceName);
            _activity.SetTag("rpc.method", telemetry.MethodName);
        }
    }

    private void StopTelemetry(StatusCode statusCode)
    {
        var telemetry = _telemetry!;
        if (GrpcServerTelemetry.CallsCompleted.Enabled || GrpcServerTelemetry.CallDuration.Enabled)
        {
            var tags = telemetry.CreateTags();
            tags.Add("rpc.grpc.status_code", ServerMethodTelemetry.StatusTag(statusCode));
            GrpcServerTelemetry.CallsCompleted.Add(1, tags);
            GrpcServerTelemetry.CallDuration.Record(Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds, tags);
        }

        if (_activity is null)
        {
            return;
        }

        _activity.SetTag("rpc.grpc.status_code", ServerMethodTelemetry.StatusTag(statusCode));
        if (ServerMethodTelemetry.IsServerError(statusCode))
        {
            _activity.SetStatus(ActivityStatusCode.Error, Status.Detail);
        }

        _activity.Dispose();
    }
}
