using Platform.Prometheus.Collection;

namespace Platform.Prometheus.Exposition;

/// <summary>
/// Groups instruments into families by Prometheus name. Instruments can share a name legitimately:
/// two hosts in one process each create the same meter. Their series merge (counters add up, gauges
/// keep the last value, histograms add bucket by bucket), because a scrape may show a name only once.
/// </summary>
internal static class MetricFamilies
{
    public static IReadOnlyList<MetricFamily> From(IEnumerable<InstrumentAggregator> aggregators)
    {
        var byName = new Dictionary<string, MetricFamily>(StringComparer.Ordinal);
        foreach (var aggregator in aggregators)
        {
            var instrument = aggregator.Instrument;
            var name = PrometheusNaming.MetricName(instrument.Name, instrument.Unit, aggregator.Kind);
            var type = TypeOf(aggregator.Kind);

            if (!byName.TryGetValue(name, out var family))
            {
                byName[name] = family = new MetricFamily(name, type, HelpFor(aggregator), aggregator.HistogramBoundaries);
            }
            else if (family.Type != type || !family.Boundaries.AsSpan().SequenceEqual(aggregator.HistogramBoundaries))
            {
                // Same name, different shape: not mergeable, and exporting both would break the scrape.
                continue;
            }

            AddSeries(family, aggregator);
        }

        return WithoutNameClashes(byName.Values);
    }

    private static void AddSeries(MetricFamily family, InstrumentAggregator aggregator)
    {
        var isHistogram = family.Type == MetricType.Histogram;
        foreach (var series in aggregator.Series)
        {
            var sample = family.SampleFor(LabelSet.Render(series.Tags, isHistogram));
            switch (series)
            {
                case HistogramSeries histogram:
                    sample.Sum += histogram.AddTo(sample.BucketCounts);
                    break;
                case SumSeries sum:
                    sample.Value += sum.Value;
                    break;
                case LastValueSeries last when aggregator.Kind == InstrumentKind.ObservableCounter:
                    sample.Value += last.Value;
                    break;
                case LastValueSeries last:
                    sample.Value = last.Value;
                    break;
            }
        }
    }

    // A histogram "x" writes x_count, which a gauge named "x_count" would also write: the first
    // family in name order keeps the names, and a family that would reuse one is left out.
    private static List<MetricFamily> WithoutNameClashes(IEnumerable<MetricFamily> families)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<MetricFamily>();
        foreach (var family in families.Where(f => f.Samples.Count > 0).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var names = family.SampleNames.ToList();
            if (names.Any(taken.Contains))
            {
                continue;
            }

            taken.UnionWith(names);
            kept.Add(family);
        }

        return kept;
    }

    private static MetricType TypeOf(InstrumentKind kind) => kind switch
    {
        InstrumentKind.Counter or InstrumentKind.ObservableCounter => MetricType.Counter,
        InstrumentKind.Histogram => MetricType.Histogram,
        _ => MetricType.Gauge,
    };

    private static string HelpFor(InstrumentAggregator aggregator)
    {
        var instrument = aggregator.Instrument;
        return string.IsNullOrWhiteSpace(instrument.Description)
            ? $"{instrument.Name} from meter {instrument.Meter.Name}"
            : instrument.Description.Trim();
    }
}
