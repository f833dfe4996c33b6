namespace Platform.Routing.Resilience;

/// <summary>
/// The global brake on retries, per replica: over a sliding window (ten buckets), retries may not exceed
/// <c>ratio x requests + floor x window seconds</c>. When a provider goes down, the first failures fall
/// back freely, but retries can never multiply traffic by more than (1 + ratio): the outage does not
/// become a retry storm. Per replica rather than shared: every replica keeps its own ratio, so the fleet
/// keeps the same ratio, at no Redis cost on the hot path.
/// </summary>
public sealed class RetryBudget
{
    private const int BucketCount = 10;
    private readonly Lock _lock = new();
    private readonly long[] _requests = new long[BucketCount];
    private readonly long[] _retries = new long[BucketCount];
    private readonly long[] _stamps = new long[BucketCount];
    private readonly double _ratio;
    private readonly double _floor;
    private readonly long _bucketTicks;
    private readonly TimeProvider _time;
    private long _exhausted;

    public RetryBudget(RetryOptions options, TimeProvider time)
    {
        _ratio = options.BudgetRatio;
        _floor = options.BudgetMinPerSecond * options.BudgetWindow.TotalSeconds;
        _bucketTicks = Math.Max(1, options.BudgetWindow.Ticks / BucketCount);
        _time = time;
    }

    /// <summary>Retries refused so far (for tests and diagnostics).</summary>
    public long Exhausted => Interlocked.Read(ref _exhausted);

    public void RecordRequest()
    {
        lock (_lock)
            _requests[Slot()]++;
    }

    /// <summary>Takes one retry from the budget; false when the window's retries are used up.</summary>
    public bool TryRetry()
    {
        lock (_lock)
        {
            var slot = Slot();
            long requests = 0, retries = 0;
            for (var i = 0; i < BucketCount; i++)
            {
                requests += _requests[i];
                retries += _retries[i];
            }
            if (retries + 1 > _ratio * requests + _floor)
            {
                _exhausted++;
                return false;
            }
            _retries[slot]++;
            return true;
        }
    }

    private int Slot()
    {
        var stamp = _time.GetUtcNow().UtcTicks / _bucketTicks;
        var slot = (int)(stamp % BucketCount);
        if (_stamps[slot] != stamp)
        {
            _stamps[slot] = stamp;
            _requests[slot] = 0;
            _retries[slot] = 0;
        }
        // Buckets older than the window are cleared lazily when their slot comes round; clear any that
        // were skipped over during a quiet spell so they never count.
        for (var i = 0; i < BucketCount; i++)
        {
            if (stamp - _stamps[i] >= BucketCount)
            {
                _requests[i] = 0;
                _retries[i] = 0;
            }
        }
        return slot;
    }
}
