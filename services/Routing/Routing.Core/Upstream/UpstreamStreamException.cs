namespace Platform.Routing.Upstream;

/// <summary>A stream that broke after it started (connection dropped, timeout, caller cancelled).</summary>
public sealed class UpstreamStreamException(UpstreamFailure failure) : Exception(failure.Message)
{
    public UpstreamFailure Failure { get; } = failure;
}
