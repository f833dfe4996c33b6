using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Platform.Prometheus.Collection;

/// <summary>
/// Listens to the process's meters and aggregates every measurement as it happens, so a scrape only
/// reads the running totals (and asks observable instruments for their current values).
/// </summary>
internal sealed class MetricsCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentAggregator> _aggregators = new();
    private readonly string[] _meterPrefixes;
    private readonly int _maxSeriesPerInstrument;
    private readonly Lock _collectLock = new();
    private long _published;

    private readonly Action<AggregateException> _onCallbackFailure;

    public MetricsCollector(PrometheusExporterOptions options, Action<AggregateException> onCallbackFailure)
    {
        _onCallbackFailure = onCallbackFailure;
        _meterPrefixes = options.MeterPrefixes.Select(p => p.TrimEnd('*')).Where(p => p.Length > 0).ToArray();
        _maxSeriesPerInstrument = options.MaxSeriesPerInstrument;

        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.MeasurementsCompleted = (instrument, _) => _aggregators.TryRemove(instrument, out InstrumentAggregator? _);
        // One callback per numeric type, each converting inline: no delegate call per measurement.
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record((double)value, tags));

        // Start() also replays every instrument that already exists.
        _listener.Start();
    }

    /// <summary>
    /// Polls observable instruments, then hands every instrument's aggregate to <paramref name="read"/>.
    /// Scrapes are serialised because polling replaces the observable instruments' series.
    /// </summary>
    public T Collect<T>(Func<IReadOnlyCollection<InstrumentAggregator>, T> read)
    {
        lock (_collectLock)
        {
            // In publication order, so when two instruments clash on a name the older one wins, every time.
            var aggregators = _aggregators.Values.OrderBy(a => a.Sequence).ToList();
            foreach (var aggregator in aggregators)
            {
                aggregator.ForgetObservations();
            }

            try
            {
                _listener.RecordObservableInstruments();
            }
            catch (AggregateException exception)
            {
                // The listener polls every callback before it throws, so one broken callback costs
                // only its own values, never the whole scrape.
                _onCallbackFailure(exception);
            }

            return read(aggregators);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!IsExported(instrument.Meter) || InstrumentKinds.Of(instrument) is not { } kind)
        {
            return;
        }

        var boundaries = kind == InstrumentKind.Histogram ? HistogramBuckets.For(instrument) : [];
        var aggregator = new InstrumentAggregator(instrument, kind, boundaries, _maxSeriesPerInstrument)
        {
            Sequence = Interlocked.Increment(ref _published),
        };
        _aggregators[instrument] = aggregator;
        listener.EnableMeasurementEvents(instrument, aggregator);
    }

    private bool IsExported(Meter meter) =>
        _meterPrefixes.Length == 0 || _meterPrefixes.Any(prefix => meter.Name.StartsWith(prefix, StringComparison.Ordinal));
}
