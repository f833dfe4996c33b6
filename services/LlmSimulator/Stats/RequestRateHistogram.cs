namespace Platform.LlmSimulator.Stats;

/// <summary>
/// Requests received per wall-clock minute (last hour) and per second (last ten minutes), so tests can
/// check that a gateway kept a model under its RPM limit, both per calendar minute and over any
/// rolling 60-second window; plus tokens per minute for TPM checks. Recording is lock-free except
/// when a slot rolls over to a new period.
/// </summary>
public sealed class RequestRateHistogram
{
    public const int MinuteSlots = 60;
    public const int SecondSlots = 600;

    private readonly Ring _minutes = new(MinuteSlots);
    private readonly Ring _seconds = new(SecondSlots);
    private readonly Ring _minuteTokens = new(MinuteSlots);

    public void Record(DateTimeOffset now)
    {
        var seconds = now.ToUnixTimeSeconds();
        _seconds.Add(seconds, 1);
        _minutes.Add(seconds / 60, 1);
    }

    /// <summary>Counts the tokens (prompt + completion) of a reply in the minute it was sent.</summary>
    public void RecordTokens(DateTimeOffset now, long tokens) => _minuteTokens.Add(now.ToUnixTimeSeconds() / 60, tokens);

    /// <summary>Non-empty minutes of the last hour, oldest first.</summary>
    public List<MinuteCount> PerMinute(DateTimeOffset now)
    {
        var currentMinute = now.ToUnixTimeSeconds() / 60;
        var result = new List<MinuteCount>();
        for (var minute = currentMinute - MinuteSlots + 1; minute <= currentMinute; minute++)
        {
            var count = _minutes.Get(minute);
            var tokens = _minuteTokens.Get(minute);
            if (count > 0 || tokens > 0)
            {
                result.Add(new MinuteCount(DateTimeOffset.FromUnixTimeSeconds(minute * 60), count, tokens));
            }
        }
        return result;
    }

    /// <summary>The most requests seen in any 60 consecutive seconds of the last ten minutes.</summary>
    public long PeakInAnySixtySeconds(DateTimeOffset now)
    {
        var current = now.ToUnixTimeSeconds();
        var first = current - SecondSlots + 1;
        long window = 0;
        long peak = 0;
        for (var second = first; second <= current; second++)
        {
            window += _seconds.Get(second);
            if (second - 60 >= first)
            {
                window -= _seconds.Get(second - 60);
            }
            peak = Math.Max(peak, window);
        }
        return peak;
    }

    public long InLastSixtySeconds(DateTimeOffset now)
    {
        var current = now.ToUnixTimeSeconds();
        long total = 0;
        for (var second = current - 59; second <= current; second++)
        {
            total += _seconds.Get(second);
        }
        return total;
    }

    public void Clear()
    {
        _minutes.Clear();
        _seconds.Clear();
        _minuteTokens.Clear();
    }

    private sealed class Ring(int size)
    {
        private readonly long[] _periods = new long[size];
        private readonly long[] _counts = new long[size];
        private readonly Lock _rollover = new();

        public void Add(long period, long amount)
        {
            var slot = (int)(period % size);
            if (Volatile.Read(ref _periods[slot]) != period)
            {
                lock (_rollover)
                {
                    if (_periods[slot] != period)
                    {
                        _counts[slot] = 0;
                        Volatile.Write(ref _periods[slot], period);
                    }
                }
            }
            Interlocked.Add(ref _counts[slot], amount);
        }

        public long Get(long period)
        {
            if (period < 0)
            {
                return 0;
            }
            var slot = (int)(period % size);
            return Volatile.Read(ref _periods[slot]) == period ? Volatile.Read(ref _counts[slot]) : 0;
        }

        public void Clear()
        {
            lock (_rollover)
            {
                Array.Clear(_periods);
                Array.Clear(_counts);
            }
        }
    }
}
