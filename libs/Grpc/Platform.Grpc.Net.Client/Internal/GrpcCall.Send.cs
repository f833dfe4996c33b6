using System.Diagnostics;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Core.Wire;

namespace Grpc.Net.Client.Internal;

internal sealed partial class GrpcCall<TRequest, TResponse>
{
    private const string UserAgent = "grpc-dotnet-platform/1.0";

    private HttpRequestMessage? _request;

    /// <summary>Sends the request (a unary message, or the streaming body when message is null) and completes with the response headers.</summary>
    private async Task<HttpResponseMessage> SendAsync(TRequest? message)
    {
        HttpContent content = message is null
            ? _requestContent!
            : new UnaryRequestContent(RequestFrameWriter.Serialize(_method.RequestMarshaller, message, _channel.MaxSendMessageSize));
        var request = CreateRequest(content);
        _request = request;

        var credentials = CallCredentialsToApply();
        if (credentials is not null)
        {
            await ApplyCallCredentialsAsync(request, credentials).ConfigureAwait(false);
        }

        return await _channel.SendAsync(request, _callCts.Token).ConfigureAwait(false);
    }

    private HttpRequestMessage CreateRequest(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _route.RequestUri)
        {
            Version = _channel.HttpVersion,
            VersionPolicy = _channel.HttpVersionPolicy,
            Content = content,
        };

        var headers = request.Headers;
        headers.TryAddWithoutValidation(GrpcProtocol.TeHeader, GrpcProtocol.TeTrailers);
        if (_host is not null)
        {
            headers.Host = _host;
        }

        if (_deadline is { } deadline)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(deadline - DateTime.UtcNow));
        }

        if (_options.Headers is { Count: > 0 } metadata)
        {
            AddMetadata(headers, metadata);
        }

        // A user-agent in the call's metadata replaces ours, as in Grpc.Net.Client.
        if (!headers.NonValidated.Contains("User-Agent"))
        {
            headers.TryAddWithoutValidation("User-Agent", UserAgent);
        }

        InjectTraceContext(headers);
        return request;
    }

    private static void AddMetadata(HttpRequestHeaders headers, Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            if (MetadataWire.IsReservedHeader(entry.Key))
            {
                continue;
            }

            headers.TryAddWithoutValidation(entry.Key, entry.IsBinary ? MetadataWire.EncodeBinary(entry.ValueBytesUnsafe!) : entry.Value);
        }
    }

    /// <summary>W3C traceparent from the call's span (or the ambient one when nobody listens to ours).</summary>
    private void InjectTraceContext(HttpRequestHeaders headers)
    {
        var activity = _activity ?? Activity.Current;
        if (activity is null)
        {
            return;
        }

        DistributedContextPropagator.Current.Inject(activity, headers, static (carrier, name, value) =>
        {
            if (carrier is HttpRequestHeaders target && value is not null)
            {
                target.TryAddWithoutValidation(name, value);
            }
        });
    }

    /// <summary>Channel-level and per-call credentials; like Grpc.Net.Client, only on TLS unless explicitly allowed.</summary>
    private CallCredentials? CallCredentialsToApply()
    {
        var channelCredentials = _channel.Credentials?.CallCredentials;
        var callCredentials = _options.Credentials;
        if (channelCredentials is null && callCredentials is null)
        {
            return null;
        }

        if (!_channel.IsSecure && !_channel.UnsafeUseInsecureChannelCallCredentials)
        {
            return null;
        }

        return channelCredentials is null ? callCredentials
            : callCredentials is null ? channelCredentials
            : CallCredentials.Compose(channelCredentials, callCredentials);
    }

    private async Task ApplyCallCredentialsAsync(HttpRequestMessage request, CallCredentials credentials)
    {
        var metadata = new Metadata();
        var context = new AuthInterceptorContext(_route.ServiceUrl, _method.Name, _callCts.Token);
        foreach (var interceptor in AuthInterceptorCollector.Collect(credentials))
        {
            try
            {
                await interceptor(context, metadata).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not RpcException && !_callCts.IsCancellationRequested)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "Error getting call credentials: " + ex.Message, ex));
            }
        }

        AddMetadata(request.Headers, metadata);
    }

    /// <summary>Writes one message of a streaming request; a write after the call ended reports the call's status.</summary>
    public async Task WriteRequestAsync(StreamingRequestContent content, TRequest message, CancellationToken cancellationToken)
    {
        var frame = RequestFrameWriter.Serialize(_method.RequestMarshaller, message, _channel.MaxSendMessageSize);
        var registration = cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(s_cancelledByCaller, this) : default;
        try
        {
            var stream = await content.RequestStream.WaitAsync(_callCts.Token).ConfigureAwait(false);
            await stream.WriteAsync(frame.Memory, _callCts.Token).ConfigureAwait(false);
            await stream.FlushAsync(_callCts.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw await WriteFailureAsync(ex).ConfigureAwait(false);
        }
        finally
        {
            registration.Dispose();
            frame.Return();
        }
    }

    public void ThrowIfFinishedForWrite()
    {
        if (Volatile.Read(ref _outcome) is { } outcome)
        {
            throw WriteAfterFinish(outcome);
        }
    }

    private async Task<Exception> WriteFailureAsync(Exception writeError)
    {
        if (Volatile.Read(ref _abortReason) is not null || _callCts.IsCancellationRequested)
        {
            return CreateException(Finish(StatusFromFailure(writeError), Metadata.Empty));
        }

        // The server ended the call while we were writing; the response (read eagerly for client streaming) says why.
        if (_method.Type == MethodType.ClientStreaming && _singleResponseTask is not null)
        {
            await ((Task)_singleResponseTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return Volatile.Read(ref _outcome) is { } outcome
            ? WriteAfterFinish(outcome)
            : new RpcException(StatusFromFailure(writeError));
    }

    private Exception WriteAfterFinish(CallOutcome outcome) => outcome.Status.StatusCode == StatusCode.OK
        ? new InvalidOperationException("Can't write the message because the call is complete.")
        : CreateException(outcome);
}
