using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>How a call ended. Published once, atomically, so racing finishers (deadline, reader, dispose) agree.</summary>
internal sealed class CallOutcome(Status status, Metadata trailers)
{
    public Status Status { get; } = status;

    public Metadata Trailers { get; } = trailers;
}
