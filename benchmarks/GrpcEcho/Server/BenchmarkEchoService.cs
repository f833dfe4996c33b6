using Grpc.Core;
using Grpc.Tests.Echo;

namespace GrpcEcho.Server;

/// <summary>Echoes the message back and nothing else, like node/echo-server.js, so the runtimes are what is compared.</summary>
public sealed class BenchmarkEchoService : Echo.EchoBase
{
    public override Task<EchoReply> Unary(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoReply { Message = request.Message });
}
