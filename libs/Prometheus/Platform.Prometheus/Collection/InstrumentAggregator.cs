using System.Diagnostics.Metrics;

namespace Platform.Prometheus.Collection;

/// <summary>Everything recorded for one instrument, by tag set.</summary>
internal sealed class InstrumentAggregator
{
    private readonly int _maxSeries;
    private SeriesTable _table;

    public InstrumentAggregator(Instrument instrument, InstrumentKind kind, double[] histogramBoundaries, int maxSeries)
    {
        Instrument = instrument;
        Kind = kind;
        HistogramBoundaries = histogramBoundaries;
        _maxSeries = maxSeries;
        _table = NewTable();
    }

    public Instrument Instrument { get; }

    /// <summary>Order of publication within the collector.</summary>
    public long Sequence { get; init; }

    public InstrumentKind Kind { get; }

    /// <summary>Upper bounds of the histogram buckets, ascending; empty for other kinds.</summary>
    public double[] HistogramBoundaries { get; }

    public ICollection<Series> Series => Volatile.Read(ref _table).Series;

    /// <summary>Called from whatever thread records the measurement: lock-free.</summary>
    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Volatile.Read(ref _table).Get(tags).Record(value);

    /// <summary>
    /// Observable instruments report their current tag sets on every collection; forgetting the last
    /// report first means a tag set the callback stops reporting disappears from the exposition.
    /// </summary>
    public void ForgetObservations()
    {
        if (Kind.IsObservable())
        {
            Volatile.Write(ref _table, NewTable());
        }
    }

    private SeriesTable NewTable() => new(CreateSeries, _maxSeries);

    private Series CreateSeries(TagSet tags) => Kind switch
    {
        InstrumentKind.Counter => new SumSeries(tags, monotonic: true),
        InstrumentKind.UpDownCounter => new SumSeries(tags, monotonic: false),
        InstrumentKind.Histogram => new HistogramSeries(tags, HistogramBoundaries),
        _ => new LastValueSeries(tags),
    };
}
