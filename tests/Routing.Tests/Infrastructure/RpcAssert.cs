using Grpc.Core;

namespace Platform.Routing.Tests.Infrastructure;

/// <summary>Asserts a call's gRPC status and its contract trailers.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> FailsAsync(StatusCode code, string? reason, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(error.StatusCode == code, $"expected {code}, got {error.StatusCode}: {error.Status.Detail}");
        if (reason is not null)
            Assert.Equal(reason, error.Trailers.GetValue("platform-error-reason"));
        return error;
    }
}
