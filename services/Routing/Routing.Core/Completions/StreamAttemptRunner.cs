using System.Diagnostics;
using Platform.Routing.Catalog;
using Platform.Routing.Upstream;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Completions;

/// <summary>
/// Opens a provider stream and reads it up to the first content token. Until then the attempt can still
/// fail over to another model; once a token has arrived the stream belongs to the caller.
/// </summary>
public sealed class StreamAttemptRunner(UpstreamClient upstream) : IAttemptRunner<OpenedStream>
{
    public async Task<UpstreamOutcome<OpenedStream>> RunAsync(ModelDefinition model, UpstreamRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var opened = await upstream.OpenStreamAsync(model, request, timeout, cancellationToken);
        if (!opened.Succeeded)
            return UpstreamOutcome<OpenedStream>.Failed(opened.Failure!);

        var stream = opened.Value!;
        var buffered = new List<StreamChunk>(2);
        try
        {
            while (true)
            {
                var chunk = await stream.ReadAsync();
                if (chunk is null)
                    return UpstreamOutcome<OpenedStream>.Ok(new OpenedStream(stream, buffered, Stopwatch.GetElapsedTime(started), Ended: true));
                if (chunk.Value.Error is { } error)
                {
                    await stream.DisposeAsync();
                    return UpstreamOutcome<OpenedStream>.Failed(new UpstreamFailure(AttemptStatus.ServerError, 200, "the provider's stream reported an error: " + error));
                }
                buffered.Add(chunk.Value);
                if (chunk.Value.Content is not null)
                    return UpstreamOutcome<OpenedStream>.Ok(new OpenedStream(stream, buffered, Stopwatch.GetElapsedTime(started), Ended: false));
            }
        }
        catch (UpstreamStreamException e)
        {
            await stream.DisposeAsync();
            return UpstreamOutcome<OpenedStream>.Failed(e.Failure);
        }
    }
}
