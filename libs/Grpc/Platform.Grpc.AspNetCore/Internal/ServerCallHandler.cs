using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// The request delegate behind one gRPC method's endpoint: validates the request, runs the call and always ends it
/// with a status. Subclasses implement the four call kinds.
/// </summary>
internal abstract class ServerCallHandler(IMethod method, ServerMethodOptions options)
{
    private readonly ServerMethodTelemetry _telemetry = new(method);

    protected ServerMethodOptions Options { get; } = options;

    public Task HandleCallAsync(HttpContext httpContext)
    {
        if (!GrpcRequestValidation.TryAccept(httpContext))
        {
            return Task.CompletedTask;
        }

        var call = new GrpcServerCall(httpContext, method, Options);
        call.BeginCall(_telemetry);
        Task handling;
        try
        {
            handling = HandleCallCoreAsync(call);
        }
        catch (Exception ex)
        {
            call.SetStatusFromException(ex);
            call.EndCall();
            return Task.CompletedTask;
        }

        if (handling.IsCompletedSuccessfully)
        {
            call.EndCall();
            return Task.CompletedTask;
        }

        return AwaitCallAsync(call, handling);
    }

    protected abstract Task HandleCallCoreAsync(GrpcServerCall call);

    private static async Task AwaitCallAsync(GrpcServerCall call, Task handling)
    {
        try
        {
            await handling.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            call.SetStatusFromException(ex);
        }

        call.EndCall();
    }
}
