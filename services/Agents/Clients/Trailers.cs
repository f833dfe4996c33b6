using System.Globalization;
using Grpc.Core;

namespace Platform.Agents.Clients;

/// <summary>The machine-readable trailers of platform errors (protos/README.md, "Errors and status codes").</summary>
internal static class Trailers
{
    public static string Reason(RpcException e) => e.Trailers.GetValue("platform-error-reason") ?? "";

    public static TimeSpan? RetryAfter(RpcException e) =>
        long.TryParse(e.Trailers.GetValue("retry-after-ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? TimeSpan.FromMilliseconds(ms) : null;
}
