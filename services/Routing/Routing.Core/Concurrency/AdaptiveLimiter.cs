namespace Platform.Routing.Concurrency;

/// <summary>
/// A gradient limiter for one model on this replica. It compares recent latency (a smoothed average) with
/// the model's no-load latency: when the provider starts queueing, latency climbs past the tolerance, the
/// gradient falls below 1 and the limit shrinks; while latency stays near the baseline the limit grows by
/// about sqrt(limit) per round. A 429 or a timeout cuts the limit multiplicatively. Bounded by [min, max],
/// max being the model's configured max_concurrency when it has one (the shared Redis cap enforces that
/// across replicas as well).
/// <para>
/// The baseline is the lowest 5th percentile of recent samples seen so far, rising very slowly (so a
/// provider that became slower for good is followed), rather than an average: an average taken while
/// the provider is loaded would drift up with the load and the limit with it. A percentile rather than
/// the minimum, and a fixed slack, keep the natural spread of LLM latencies (short vs long answers) from
/// reading as congestion.
/// </para>
/// </summary>
public sealed class AdaptiveLimiter
{
    private const int RingSize = 256;
    private const int RecomputeEvery = 32;
    private const double BaselineDrift = 1.0002;

    private readonly Lock _lock = new();
    private readonly AdaptiveConcurrencyOptions _options;
    private readonly double[] _recent = new double[RingSize];
    private readonly double[] _sorted = new double[RingSize];
    private int _samples;
    private double _limit;
    private double _averageMs;
    private double _baselineMs = double.MaxValue;
    private int _inFlight;
    private int _maxLimit;

    public AdaptiveLimiter(AdaptiveConcurrencyOptions options, int maxLimit)
    {
        _options = options;
        _maxLimit = Math.Max(options.MinLimit, maxLimit);
        _limit = Math.Clamp(options.InitialLimit, options.MinLimit, _maxLimit);
    }

    public int Limit => (int)Volatile.Read(ref _limit);

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxLimit => _maxLimit;

    /// <summary>Takes a slot if one is free under the current limit.</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref _inFlight);
            if (current >= Limit)
                return false;
            if (Interlocked.CompareExchange(ref _inFlight, current + 1, current) == current)
                return true;
        }
    }

    public void ChangeMaxLimit(int maxLimit)
    {
        lock (_lock)
        {
            _maxLimit = Math.Max(_options.MinLimit, maxLimit);
            _limit = Math.Min(_limit, _maxLimit);
        }
    }

    /// <summary>Returns a slot with what the attempt taught: its latency, and whether the provider pushed back.</summary>
    public void Release(TimeSpan latency, LimiterSignal signal)
    {
        var inFlightAtEnd = Interlocked.Decrement(ref _inFlight) + 1;
        lock (_lock)
        {
            switch (signal)
            {
                case LimiterSignal.Overload:
                    _limit = Math.Max(_options.MinLimit, _limit * _options.BackoffRatio);
                    return;
                case LimiterSignal.Ignore:
                    return;
            }

            var sample = Math.Max(0, latency.TotalMilliseconds);
            Learn(sample);

            // A replica using under half its limit has learned nothing about the provider's capacity.
            if (inFlightAtEnd < _limit / 2)
                return;

            var gradient = Math.Clamp((_options.Tolerance * _baselineMs + _options.LatencySlack.TotalMilliseconds) / Math.Max(_averageMs, 0.001), 0.5, 1.0);
            var target = _limit * gradient + Math.Sqrt(_limit);
            _limit = Math.Clamp(_limit * (1 - _options.Smoothing) + target * _options.Smoothing, _options.MinLimit, _maxLimit);
        }
    }

    private void Learn(double sample)
    {
        _averageMs = _samples == 0 ? sample : _averageMs * 0.95 + sample * 0.05;
        _recent[_samples % RingSize] = sample;
        _samples++;
        _baselineMs = Math.Min(_baselineMs * BaselineDrift, _samples < RecomputeEvery ? sample : _baselineMs);
        if (_samples % RecomputeEvery == 0)
        {
            var count = Math.Min(_samples, RingSize);
            Array.Copy(_recent, _sorted, count);
            Array.Sort(_sorted, 0, count);
            _baselineMs = Math.Min(_baselineMs, _sorted[count / 20]);
        }
    }
}
