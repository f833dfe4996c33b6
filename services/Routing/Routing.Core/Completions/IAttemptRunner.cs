using Platform.Routing.Catalog;
using Platform.Routing.Upstream;

namespace Platform.Routing.Completions;

/// <summary>Makes one provider attempt: whole (unary) or up to the first token (streaming).</summary>
public interface IAttemptRunner<T> where T : class
{
    Task<UpstreamOutcome<T>> RunAsync(ModelDefinition model, UpstreamRequest request, TimeSpan timeout, CancellationToken cancellationToken);
}
