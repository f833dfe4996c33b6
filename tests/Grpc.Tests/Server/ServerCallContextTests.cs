using Grpc.AspNetCore.Server.Internal;
using Grpc.Core;
using Grpc.Tests.Echo;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Grpc.Tests.Server;

/// <summary>The server's ServerCallContext over an HttpContext, without a network (the network paths are covered elsewhere).</summary>
public sealed class ServerCallContextTests
{
    private static readonly Method<EchoRequest, EchoReply> UnaryMethod = new(
        MethodType.Unary,
        "test.echo.v1.Echo",
        "Unary",
        Marshallers.Create(_ => [], _ => new EchoRequest()),
        Marshallers.Create(_ => [], _ => new EchoReply()));

    [Fact]
    public void Propagation_token_carries_the_calls_deadline_and_cancellation()
    {
        var httpContext = new DefaultHttpContext();
        httpContext.Request.Headers["grpc-timeout"] = "30S";
        using var aborted = new CancellationTokenSource();
        httpContext.RequestAborted = aborted.Token;
        var call = CreateCall(httpContext);

        var token = call.CreatePropagationToken(new ContextPropagationOptions(propagateDeadline: true, propagateCancellation: false));

        Assert.Equal(call.Deadline, token.ParentDeadline);
        Assert.Equal(call.CancellationToken, token.ParentCancellationToken);
        Assert.False(token.Options.IsPropagateCancellation);
        aborted.Cancel();
        Assert.True(token.ParentCancellationToken.IsCancellationRequested);
    }

    [Fact]
    public void Without_a_timeout_the_deadline_is_max_value_and_not_propagated()
    {
        var call = CreateCall(new DefaultHttpContext());

        Assert.Equal(DateTime.MaxValue, call.Deadline);
        Assert.Null(call.CreatePropagationToken().ParentDeadline);
    }

    [Fact]
    public void Context_exposes_method_host_and_user_state()
    {
        var httpContext = new DefaultHttpContext();
        httpContext.Request.Host = new HostString("budget:5101");
        var call = CreateCall(httpContext);

        call.UserState["k"] = "v";

        Assert.Equal("/test.echo.v1.Echo/Unary", call.Method);
        Assert.Equal("budget:5101", call.Host);
        Assert.Equal("v", call.UserState["k"]);
        Assert.Same(httpContext, call.GetHttpContext());
    }

    private static GrpcServerCall CreateCall(HttpContext httpContext)
    {
        var options = new ServerMethodOptions(null, null, enableDetailedErrors: false, [], NullLogger.Instance);
        var call = new GrpcServerCall(httpContext, UnaryMethod, options);
        call.BeginCall(new ServerMethodTelemetry(UnaryMethod));
        return call;
    }
}
