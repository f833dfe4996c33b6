using Google.Protobuf;
using Grpc.Core;
using Grpc.Tests.Echo;

namespace Interop.Tests.Hosting;

/// <summary>The echo methods the peer clients call: unary and server streaming, with delays and requested failures.</summary>
public sealed class InteropEchoService : Echo.EchoBase
{
    public override async Task<EchoReply> Unary(EchoRequest request, ServerCallContext context)
    {
        await DelayAndFailAsync(request, context);
        return Reply(request, context, index: 0);
    }

    public override async Task ServerStream(EchoRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        await DelayAndFailAsync(request, context);
        for (var i = 0; i < Math.Max(request.ReplyCount, 1); i++)
        {
            await responseStream.WriteAsync(Reply(request, context, i));
        }
    }

    private static async Task DelayAndFailAsync(EchoRequest request, ServerCallContext context)
    {
        if (request.DelayMs > 0)
        {
            await Task.Delay(request.DelayMs, context.CancellationToken);
        }

        if (request.FailWithStatus != 0)
        {
            throw new RpcException(new Status((StatusCode)request.FailWithStatus, request.FailDetail));
        }
    }

    private static EchoReply Reply(EchoRequest request, ServerCallContext context, int index)
    {
        var reply = new EchoReply
        {
            Message = request.Message,
            Index = index,
            Payload = request.PayloadSize > 0 ? ByteString.CopyFrom(new byte[request.PayloadSize]) : ByteString.Empty,
            PayloadSizeReceived = request.Payload.Length,
        };
        foreach (var entry in context.RequestHeaders)
        {
            reply.RequestHeaders[entry.Key] = entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value;
        }

        return reply;
    }
}
