namespace Platform.Routing.Concurrency;

/// <summary>
/// A gradient limiter for one model on this replica. It compares each sample's latency with a slowly
/// moving no-load baseline: when latency climbs (queueing at the provider) the gradient falls below 1 and
/// the limit shrinks; when latency stays at the baseline the limit grows by about sqrt(limit). A 429 or a
/// timeout cuts it multiplicatively. Bounded by [min, max], max being the model's configured
/// max_concurrency when it has one (the shared Redis cap enforces that across replicas as well).
/// </summary>
public sealed class AdaptiveLimiter
{
    private readonly Lock _lock = new();
    private readonly AdaptiveConcurrencyOptions _options;
    private double _limit;
    private double _shortRttMs;
    private double _longRttMs;
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

            var rtt = Math.Max(0.05, latency.TotalMilliseconds);
            _shortRttMs = _shortRttMs == 0 ? rtt : _shortRttMs * 0.9 + rtt * 0.1;
            _longRttMs = _longRttMs == 0 ? rtt : _longRttMs * 0.99 + rtt * 0.01;
            // Let the baseline follow a provider that became permanently faster.
            if (_longRttMs > _shortRttMs * 2)
                _longRttMs = _shortRttMs * 2;

            // A replica using under half its limit has learned nothing about the provider's capacity.
            if (inFlightAtEnd < _limit / 2)
                return;

            var gradient = Math.Clamp(_options.Tolerance * _longRttMs / _shortRttMs, 0.5, 1.0);
            var target = _limit * gradient + Math.Sqrt(_limit);
            _limit = Math.Clamp(_limit * (1 - _options.Smoothing) + target * _options.Smoothing, _options.MinLimit, _maxLimit);
        }
    }
}
