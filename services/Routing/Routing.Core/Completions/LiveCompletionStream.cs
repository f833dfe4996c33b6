using System.Diagnostics;
using System.Text;
using Platform.Routing.Upstream;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Completions;

/// <summary>
/// Relays a provider stream that has produced its first token. At the end it settles the attempt with the
/// provider's usage (or, if the provider sent none, the prompt estimate plus one token per delta); if the
/// stream breaks or the caller goes away it settles what was used so far and aborts the provider request.
/// </summary>
public sealed class LiveCompletionStream : ICompletionStream
{
    private readonly CallPlan _plan;
    private readonly AttemptWin<OpenedStream> _win;
    private readonly CallTrace _trace;
    private readonly AttemptSettler _settler;
    private readonly CallReporter _reporter;
    private readonly CancellationTokenSource _lifetime;
    private readonly Func<CompletionResult?, Task> _finished;
    private readonly long _timeToFirstTokenMs;
    private readonly StringBuilder? _content;
    private int _buffered;
    private long _outputTokens;
    private UpstreamUsage? _usage;
    private FinishReason _finishReason;
    private bool _done;

    internal LiveCompletionStream(
        CallPlan plan, AttemptWin<OpenedStream> win, CallTrace trace, AttemptSettler settler, CallReporter reporter,
        CancellationTokenSource lifetime, bool keepContent, Func<CompletionResult?, Task> finished)
    {
        _plan = plan;
        _win = win;
        _trace = trace;
        _settler = settler;
        _reporter = reporter;
        _lifetime = lifetime;
        _finished = finished;
        _content = keepContent ? new StringBuilder() : null;
        _timeToFirstTokenMs = (long)Stopwatch.GetElapsedTime(plan.StartedTimestamp).TotalMilliseconds;
        Started = new StreamStarted(plan.RequestId, win.Model.Name, win.Model.Provider, win.FallbackDepth);
    }

    public StreamStarted Started { get; }

    public async ValueTask<StreamEvent?> ReadAsync()
    {
        if (_done)
            return null;
        while (true)
        {
            StreamChunk? chunk;
            if (_buffered < _win.Value.Buffered.Count)
            {
                chunk = _win.Value.Buffered[_buffered++];
            }
            else if (_win.Value.Ended)
            {
                chunk = null;
            }
            else
            {
                try
                {
                    chunk = await _win.Value.Stream.ReadAsync();
                }
                catch (UpstreamStreamException e)
                {
                    throw await FailAsync(e.Failure);
                }
            }

            if (chunk is null)
                return await CompleteAsync();
            var value = chunk.Value;
            if (value.Error is { } error)
                throw await FailAsync(new UpstreamFailure(AttemptStatus.ServerError, 200, "the provider's stream reported an error: " + error));
            if (value.Usage is { } usage)
                _usage = usage;
            if (value.FinishReason != FinishReason.Unspecified)
                _finishReason = value.FinishReason;
            if (value.Content is { } content)
            {
                _outputTokens++;
                _content?.Append(content);
                return new StreamDelta(content);
            }
        }
    }

    private async Task<StreamEvent> CompleteAsync()
    {
        _done = true;
        await _win.Value.Stream.DisposeAsync();
        var usage = _usage ?? new UpstreamUsage(_win.Attempt.EstimatedInputTokens, _outputTokens, 0);
        _trace.Add(_settler.Succeeded(_win.Attempt, usage, _win.Value.TimeToFirstToken));
        var result = new CompletionResult
        {
            Content = _content?.ToString() ?? "",
            FinishReason = _finishReason,
            Model = _win.Model.Name,
            Provider = _win.Model.Provider,
            Usage = new CompletionUsage(usage.InputTokens, usage.OutputTokens, usage.CachedInputTokens),
            CostMicros = _win.Model.CostMicros(usage.InputTokens, usage.OutputTokens),
            FallbackDepth = _win.FallbackDepth,
            AttemptCount = _trace.ProviderAttempts,
            LatencyMs = (long)Stopwatch.GetElapsedTime(_plan.StartedTimestamp).TotalMilliseconds,
            TimeToFirstTokenMs = _timeToFirstTokenMs,
            Strategy = _plan.Decision.Strategy,
            RequestId = _plan.RequestId,
            Attempts = [.. _trace.Attempts],
            ReservationId = _win.Attempt.Hold.ReservationId,
            Tier = _plan.Tier,
        };
        _reporter.Succeeded(_plan, result, streamed: true);
        await _finished(result);
        return new StreamCompleted(result with { Content = "" });
    }

    private async Task<RoutingException> FailAsync(UpstreamFailure failure)
    {
        _done = true;
        await _win.Value.Stream.DisposeAsync();
        var input = _usage?.InputTokens ?? _win.Attempt.EstimatedInputTokens;
        var used = new UpstreamUsage(input, Math.Max(_outputTokens, _usage?.OutputTokens ?? 0), 0);
        _trace.Add(_settler.Failed(_win.Attempt, failure, used));
        var error = failure.Status == AttemptStatus.Cancelled
            ? (DateTime.UtcNow >= _plan.Deadline ? RoutingException.Deadline() : RoutingException.Cancelled())
            : RoutingException.Unavailable($"the stream from '{_win.Model.Name}' broke after it started: {failure}");
        var billed = used.OutputTokens > 0 ? new CompletionUsage(used.InputTokens, used.OutputTokens, 0) : null;
        _reporter.Failed(_plan, _trace, error, streamed: true, billed, billed is null ? 0 : _win.Model.CostMicros(billed.InputTokens, billed.OutputTokens), _timeToFirstTokenMs);
        await _finished(null);
        return error;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_done)
        {
            // The caller left before the end: abort the provider request, bill what it produced.
            await _lifetime.CancelAsync();
            await FailAsync(new UpstreamFailure(AttemptStatus.Cancelled, 0, "the caller cancelled the stream"));
        }
        _lifetime.Dispose();
    }
}
