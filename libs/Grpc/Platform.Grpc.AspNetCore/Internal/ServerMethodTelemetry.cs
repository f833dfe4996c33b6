using System.Diagnostics;
using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Per-method telemetry names and tags, computed once so a call only adds its status.</summary>
internal sealed class ServerMethodTelemetry(IMethod method)
{
    // Boxed once, so tagging a measurement with the status code does not allocate.
    private static readonly object[] StatusCodeValues = CreateStatusCodeValues();

    public string ActivityName { get; } = method.FullName[1..];

    public string ServiceName { get; } = method.ServiceName;

    public string MethodName { get; } = method.Name;

    public TagList CreateTags()
    {
        var tags = default(TagList);
        tags.Add("rpc.system", "grpc");
        tags.Add("rpc.service", ServiceName);
        tags.Add("rpc.method", MethodName);
        return tags;
    }

    public static object StatusTag(StatusCode code) =>
        (uint)code < (uint)StatusCodeValues.Length ? StatusCodeValues[(int)code] : (int)code;

    /// <summary>OpenTelemetry marks a server span as an error only for codes that point at the server.</summary>
    public static bool IsServerError(StatusCode code) => code is StatusCode.Unknown or StatusCode.DeadlineExceeded
        or StatusCode.Unimplemented or StatusCode.Internal or StatusCode.Unavailable or StatusCode.DataLoss;

    private static object[] CreateStatusCodeValues()
    {
        var values = new object[17];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i;
        }

        return values;
    }
}
