using Grpc.Core;
using Xunit;

namespace Interop.Tests;

/// <summary>
/// What every foreign client must see from our server. The peer ran all its checks once (in the fixture);
/// each test asserts one of them.
/// </summary>
public abstract class PeerClientCallsOurServerTests(PeerClientRun run)
{
    private const string NonAsciiDetail = "ngân sách đã hết — budget exhausted";

    [Fact]
    public void HealthCheck_ReportsServingForTheServerAndTheEchoService()
    {
        run.Report.AssertCode("health_check", StatusCode.OK);
        Assert.Equal("SERVING", run.Report.Text("health_check", "status"));
        run.Report.AssertCode("health_check_echo", StatusCode.OK);
        Assert.Equal("SERVING", run.Report.Text("health_check_echo", "status"));
    }

    [Fact]
    public void HealthWatch_FirstMessageIsServing()
    {
        run.Report.AssertCode("health_watch", StatusCode.OK);
        Assert.Equal("SERVING", run.Report.Text("health_watch", "status"));
    }

    [Fact]
    public void UnknownMethod_IsUnimplemented()
    {
        run.Report.AssertCode("unimplemented", StatusCode.Unimplemented);
    }

    [Fact]
    public void Unary_EchoesTheMessageAndSeesTheClientsMetadata()
    {
        run.Report.AssertCode("unary", StatusCode.OK);
        Assert.StartsWith("hello from ", run.Report.Text("unary", "message"));
        Assert.NotNull(run.Report.Text("unary", "header"));
    }

    [Fact]
    public void ServerStreaming_DeliversEveryReplyInOrder()
    {
        run.Report.AssertCode("server_stream", StatusCode.OK);
        Assert.Equal([0, 1, 2], run.Report.Integers("server_stream", "indexes"));
        Assert.All(run.Report.Strings("server_stream", "messages"), message => Assert.Equal("stream", message));
    }

    [Fact]
    public void ExpiredDeadline_EndsWithDeadlineExceeded()
    {
        run.Report.AssertCode("deadline", StatusCode.DeadlineExceeded);
    }

    [Fact]
    public void ErrorStatus_NonAsciiMessageArrivesIntact()
    {
        run.Report.AssertCode("error_non_ascii", StatusCode.ResourceExhausted);
        Assert.Equal(NonAsciiDetail, run.Report.Text("error_non_ascii", "details"));
    }
}

/// <summary>(a) A @grpc/grpc-js client calls our server.</summary>
public sealed class GrpcJsClientCallsOurServerTests(NodeClientRun run)
    : PeerClientCallsOurServerTests(run), IClassFixture<NodeClientRun>;

/// <summary>(b) A Python grpcio client calls our server.</summary>
public sealed class GrpcioClientCallsOurServerTests(PythonClientRun run)
    : PeerClientCallsOurServerTests(run), IClassFixture<PythonClientRun>;
