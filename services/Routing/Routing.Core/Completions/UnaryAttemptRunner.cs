using Platform.Routing.Catalog;
using Platform.Routing.Upstream;

namespace Platform.Routing.Completions;

/// <summary>One whole, non-streamed provider call.</summary>
public sealed class UnaryAttemptRunner(UpstreamClient upstream) : IAttemptRunner<UpstreamCompletion>
{
    public Task<UpstreamOutcome<UpstreamCompletion>> RunAsync(ModelDefinition model, UpstreamRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        upstream.CompleteAsync(model, request, timeout, cancellationToken);
}
