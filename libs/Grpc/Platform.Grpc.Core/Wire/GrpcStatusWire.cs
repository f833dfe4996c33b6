using System.Globalization;

namespace Grpc.Core.Wire;

/// <summary>Builds a <see cref="Status"/> from what arrived on the wire: grpc-status/grpc-message or, failing those, the HTTP status.</summary>
internal static class GrpcStatusWire
{
    /// <summary>From the grpc-status and (still percent-encoded) grpc-message values; a missing or unparsable status is UNKNOWN.</summary>
    public static Status FromTrailers(string? grpcStatus, string? grpcMessage)
    {
        if (grpcStatus is null)
        {
            return new Status(StatusCode.Unknown, "No grpc-status found on response.");
        }

        if (!TryParseStatusCode(grpcStatus, out var code))
        {
            return new Status(StatusCode.Unknown, $"Unexpected grpc-status value '{grpcStatus}'.");
        }

        return new Status(code, grpcMessage is null ? "" : GrpcMessageEncoding.Decode(grpcMessage));
    }

    public static bool TryParseStatusCode(ReadOnlySpan<char> value, out StatusCode code)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 0)
        {
            // Codes beyond the known 17 are legal on the wire; the spec says to treat them as UNKNOWN-like, we keep the number.
            code = (StatusCode)number;
            return true;
        }

        code = StatusCode.Unknown;
        return false;
    }

    /// <summary>The spec's mapping for responses that are not gRPC at all (no grpc-status, non-200 HTTP status).</summary>
    public static StatusCode FromHttpStatus(int httpStatus) => httpStatus switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    /// <summary>The wire text of a status code: its number.</summary>
    public static string ToWire(StatusCode code) => code switch
    {
        StatusCode.OK => "0",
        StatusCode.Cancelled => "1",
        StatusCode.Unknown => "2",
        StatusCode.InvalidArgument => "3",
        StatusCode.DeadlineExceeded => "4",
        StatusCode.NotFound => "5",
        StatusCode.AlreadyExists => "6",
        StatusCode.PermissionDenied => "7",
        StatusCode.ResourceExhausted => "8",
        StatusCode.FailedPrecondition => "9",
        StatusCode.Aborted => "10",
        StatusCode.OutOfRange => "11",
        StatusCode.Unimplemented => "12",
        StatusCode.Internal => "13",
        StatusCode.Unavailable => "14",
        StatusCode.DataLoss => "15",
        StatusCode.Unauthenticated => "16",
        _ => ((int)code).ToString(CultureInfo.InvariantCulture),
    };
}
