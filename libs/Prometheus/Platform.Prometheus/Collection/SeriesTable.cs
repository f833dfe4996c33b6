using System.Collections.Concurrent;

namespace Platform.Prometheus.Collection;

/// <summary>One instrument's series by tag set, with a cap on how many distinct tag sets it keeps.</summary>
internal sealed class SeriesTable
{
    private static readonly KeyValuePair<string, object?>[] OverflowTags = [new("otel_metric_overflow", "true")];

    private readonly ConcurrentDictionary<TagSet, Series> _series = new(TagSetComparer.Instance);
    private readonly ConcurrentDictionary<TagSet, Series>.AlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>> _byTags;
    private readonly Func<TagSet, Series> _createSeries;
    private readonly int _maxSeries;
    private int _seriesCount;
    private Series? _overflow;

    public SeriesTable(Func<TagSet, Series> createSeries, int maxSeries)
    {
        _byTags = _series.GetAlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>>();
        _createSeries = createSeries;
        _maxSeries = maxSeries;
    }

    public ICollection<Series> Series => _series.Values;

    public Series Get(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_byTags.TryGetValue(tags, out var series))
        {
            return series;
        }

        // Read before incrementing, so endless new tag sets cannot wrap the counter around.
        if (Volatile.Read(ref _seriesCount) < _maxSeries && Interlocked.Increment(ref _seriesCount) <= _maxSeries)
        {
            return Add(tags);
        }

        return _overflow ??= Add(OverflowTags);
    }

    private Series Add(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var created = _createSeries(new TagSet(tags.ToArray()));
        return _series.TryAdd(created.Tags, created) ? created : _byTags[tags];
    }
}
