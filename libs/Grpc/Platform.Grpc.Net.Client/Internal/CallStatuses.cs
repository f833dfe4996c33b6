using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>The statuses the client itself decides on, rather than reading from the server.</summary>
internal static class CallStatuses
{
    /// <summary>Deadlines further away than this get no local timer (CancelAfter's limit is ~49 days); the server still enforces grpc-timeout.</summary>
    public static readonly TimeSpan LongestTimer = TimeSpan.FromDays(30);

    public static readonly Status DeadlineExceeded = new(StatusCode.DeadlineExceeded, "Deadline Exceeded");

    public static readonly Status CancelledByCaller = new(StatusCode.Cancelled, "Call canceled by the client.");

    public static readonly Status CancelledByParent = new(StatusCode.Cancelled, "The parent call was canceled.");

    public static readonly Status Disposed = new(StatusCode.Cancelled, "gRPC call disposed.");

    public static readonly Status NoResponseMessage = new(StatusCode.Internal, "Failed to deserialize response message. The response had no message.");

    public static readonly Status ExtraResponseMessage = new(StatusCode.Internal, "The server returned more than one message for a call that expects one.");

    public static readonly Status CompressedMessage = new(StatusCode.Internal, "Received a compressed message, but the call did not negotiate compression.");

    public static readonly Status IncompleteMessage = new(StatusCode.Internal, "Incomplete message: the response ended inside a message.");

    public static readonly Status MessageTooLarge = new(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size.");
}
