namespace Platform.LlmSimulator.Stats;

/// <summary>Counters of one model; all updates are single interlocked operations on the hot path.</summary>
public sealed class ModelStats(TimeProvider clock)
{
    private const int FirstStatus = 100;
    private const int LastStatus = 599;

    private readonly long[] _outcomes = new long[Enum.GetValues<RequestOutcome>().Length];
    private readonly long[] _statusCodes = new long[LastStatus - FirstStatus + 1];
    private long _requests;
    private long _streams;
    private long _inFlight;
    private long _maxInFlight;
    private long _hangs;
    private long _promptTokens;
    private long _completionTokens;

    public RequestRateHistogram Rate { get; } = new();

    public long Requests => Interlocked.Read(ref _requests);

    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>Counts a received request and marks it in flight until <see cref="Finished"/>.</summary>
    public void Started()
    {
        Interlocked.Increment(ref _requests);
        Rate.Record(clock.GetUtcNow());
        var inFlight = Interlocked.Increment(ref _inFlight);
        var max = Interlocked.Read(ref _maxInFlight);
        while (inFlight > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxInFlight, inFlight, max);
            if (seen == max)
            {
                break;
            }
            max = seen;
        }
    }

    public void Finished(RequestOutcome outcome)
    {
        Interlocked.Increment(ref _outcomes[(int)outcome]);
        Interlocked.Decrement(ref _inFlight);
    }

    public void Streaming() => Interlocked.Increment(ref _streams);

    public void HangStarted() => Interlocked.Increment(ref _hangs);

    public void Responded(int statusCode)
    {
        if (statusCode is >= FirstStatus and <= LastStatus)
        {
            Interlocked.Increment(ref _statusCodes[statusCode - FirstStatus]);
        }
    }

    public void Tokens(int prompt, int completion)
    {
        Interlocked.Add(ref _promptTokens, prompt);
        Interlocked.Add(ref _completionTokens, completion);
        Rate.RecordTokens(clock.GetUtcNow(), prompt + completion);
    }

    public void Clear()
    {
        // In-flight requests are real and still running, so their gauge survives a reset.
        Array.Clear(_outcomes);
        Array.Clear(_statusCodes);
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _streams, 0);
        Interlocked.Exchange(ref _maxInFlight, Interlocked.Read(ref _inFlight));
        Interlocked.Exchange(ref _hangs, 0);
        Interlocked.Exchange(ref _promptTokens, 0);
        Interlocked.Exchange(ref _completionTokens, 0);
        Rate.Clear();
    }

    public ModelStatsSnapshot Snapshot()
    {
        var now = clock.GetUtcNow();
        var statusCodes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < _statusCodes.Length; i++)
        {
            var count = Interlocked.Read(ref _statusCodes[i]);
            if (count > 0)
            {
                statusCodes[(i + FirstStatus).ToString(System.Globalization.CultureInfo.InvariantCulture)] = count;
            }
        }
        return new ModelStatsSnapshot
        {
            Requests = Requests,
            InFlight = InFlight,
            MaxInFlight = Interlocked.Read(ref _maxInFlight),
            Streams = Interlocked.Read(ref _streams),
            Hangs = Interlocked.Read(ref _hangs),
            Outcomes = new OutcomeCounts
            {
                Ok = Outcome(RequestOutcome.Ok),
                RateLimited = Outcome(RequestOutcome.RateLimited),
                ServerError = Outcome(RequestOutcome.ServerError),
                Dropped = Outcome(RequestOutcome.Dropped),
                Cancelled = Outcome(RequestOutcome.Cancelled),
                BadRequest = Outcome(RequestOutcome.BadRequest),
                Unauthorized = Outcome(RequestOutcome.Unauthorized),
                Failed = Outcome(RequestOutcome.Failed),
            },
            StatusCodes = statusCodes,
            PromptTokens = Interlocked.Read(ref _promptTokens),
            CompletionTokens = Interlocked.Read(ref _completionTokens),
            PerMinute = Rate.PerMinute(now),
            RequestsLast60Seconds = Rate.InLastSixtySeconds(now),
            PeakRequestsInAny60Seconds = Rate.PeakInAnySixtySeconds(now),
        };
    }

    private long Outcome(RequestOutcome outcome) => Interlocked.Read(ref _outcomes[(int)outcome]);
}
