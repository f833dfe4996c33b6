namespace Platform.Budget.Benchmarks;

/// <summary>Per-caller latency samples (microseconds), merged for percentiles at the end.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<long>[] _samples;

    public LatencyRecorder(int callers) => _samples = Enumerable.Range(0, callers).Select(_ => new List<long>(1 << 16)).ToArray();

    public void Record(int caller, long microseconds) => _samples[caller].Add(microseconds);

    public long Count => _samples.Sum(s => s.Count);

    public (double P50Ms, double P99Ms) Percentiles()
    {
        var all = _samples.SelectMany(s => s).ToArray();
        if (all.Length == 0)
        {
            return (0, 0);
        }

        Array.Sort(all);
        return (all[(int)(all.Length * 0.50)] / 1000.0, all[Math.Min(all.Length - 1, (int)(all.Length * 0.99))] / 1000.0);
    }
}
