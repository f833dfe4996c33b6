using Google.Protobuf;
using Grpc.Core;
using Grpc.Tests.Echo;

namespace Grpc.Tests.Hosting;

/// <summary>The test service: echoes, streams, waits, fails on request, and reports cancellation to <see cref="EchoObserver"/>.</summary>
public sealed class EchoService(EchoObserver observer) : Echo.Echo.EchoBase
{
    public override async Task<EchoReply> Unary(EchoRequest request, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        return await ReplyAfterDelayAsync(request, context, index: 0);
    }

    public override async Task ServerStream(EchoRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        var count = Math.Max(request.ReplyCount, 1);
        for (var i = 0; i < count; i++)
        {
            await responseStream.WriteAsync(await ReplyAfterDelayAsync(request, context, i));
        }
    }

    public override async Task<EchoReply> ClientStream(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        var messages = new List<string>();
        EchoRequest? last = null;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            messages.Add(request.Message);
            last = request;
            Fail(request);
        }

        var reply = await ReplyAfterDelayAsync(last ?? new EchoRequest(), context, index: 0);
        reply.Message = string.Join(",", messages);
        reply.ReceivedCount = messages.Count;
        return reply;
    }

    public override async Task Bidi(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        var received = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = requestStream.Current;
            received++;
            for (var i = 0; i < Math.Max(request.ReplyCount, 1); i++)
            {
                var reply = await ReplyAfterDelayAsync(request, context, i);
                reply.ReceivedCount = received;
                await responseStream.WriteAsync(reply);
            }
        }
    }

    /// <summary>Request metadata keyed "echo-*" comes back as response headers, and as trailers renamed "trailer-*".</summary>
    private static async Task EchoMetadataAsync(ServerCallContext context)
    {
        var headers = new Metadata();
        foreach (var entry in context.RequestHeaders)
        {
            if (!entry.Key.StartsWith("echo-", StringComparison.Ordinal))
            {
                continue;
            }

            headers.Add(entry);
            var trailerKey = "trailer-" + entry.Key["echo-".Length..];
            if (entry.IsBinary)
            {
                context.ResponseTrailers.Add(trailerKey, entry.ValueBytes);
            }
            else
            {
                context.ResponseTrailers.Add(trailerKey, entry.Value);
            }
        }

        if (headers.Count > 0)
        {
            await context.WriteResponseHeadersAsync(headers);
        }
    }

    private async Task<EchoReply> ReplyAfterDelayAsync(EchoRequest request, ServerCallContext context, int index)
    {
        if (request.ObserveKey.Length > 0)
        {
            observer.Started(request.ObserveKey);
        }

        if (request.DelayMs > 0)
        {
            try
            {
                await Task.Delay(request.DelayMs, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                if (request.ObserveKey.Length > 0)
                {
                    observer.Report(request.ObserveKey, "cancelled");
                }

                throw;
            }
        }

        Fail(request);
        if (request.ObserveKey.Length > 0)
        {
            observer.Report(request.ObserveKey, "completed");
        }

        return CreateReply(request, context, index);
    }

    private static void Fail(EchoRequest request)
    {
        if (request.FailWithStatus != 0)
        {
            var trailers = new Metadata { { "fail-code", request.FailWithStatus.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
            throw new RpcException(new Status((StatusCode)request.FailWithStatus, request.FailDetail), trailers);
        }

        if (request.ThrowUnhandled)
        {
            throw new InvalidOperationException(request.FailDetail);
        }
    }

    private static EchoReply CreateReply(EchoRequest request, ServerCallContext context, int index)
    {
        var reply = new EchoReply
        {
            Message = request.Message,
            Index = index,
            Payload = request.PayloadSize > 0 ? ByteString.CopyFrom(new byte[request.PayloadSize]) : ByteString.Empty,
            PayloadSizeReceived = request.Payload.Length,
            DeadlineUnixMs = context.Deadline == DateTime.MaxValue ? 0 : new DateTimeOffset(context.Deadline).ToUnixTimeMilliseconds(),
            Peer = context.Peer,
        };
        foreach (var entry in context.RequestHeaders)
        {
            reply.RequestHeaders[entry.Key] = entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value;
        }

        return reply;
    }
}
