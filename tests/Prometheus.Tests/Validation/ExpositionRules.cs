using System.Globalization;

namespace Prometheus.Tests.Validation;

/// <summary>What a correct scrape must also satisfy beyond the grammar.</summary>
internal static class ExpositionRules
{
    /// <summary>Parses <paramref name="text"/> strictly and checks every rule; throws naming the first violation.</summary>
    public static Exposition Validate(string text)
    {
        var exposition = StrictExpositionParser.Parse(text);
        var series = new HashSet<string>(StringComparer.Ordinal);
        foreach (var family in exposition.Families)
        {
            if (family.Samples.Count == 0)
            {
                throw Fail(family, "has no samples");
            }

            foreach (var sample in family.Samples)
            {
                if (!SampleNames(family).Contains(sample.Name))
                {
                    throw Fail(family, $"line {sample.Line}: sample {sample.Name} does not belong to it");
                }

                if (!series.Add(sample.SeriesKey()))
                {
                    throw Fail(family, $"line {sample.Line}: duplicate series {sample.SeriesKey()}");
                }
            }

            switch (family.Type)
            {
                case "counter":
                    CheckCounter(family);
                    break;
                case "histogram":
                    CheckHistogram(family);
                    break;
            }
        }

        return exposition;
    }

    private static string[] SampleNames(ParsedFamily family) => family.Type == "histogram"
        ? [family.Name + "_bucket", family.Name + "_sum", family.Name + "_count"]
        : [family.Name];

    private static void CheckCounter(ParsedFamily family)
    {
        if (!family.Name.EndsWith("_total", StringComparison.Ordinal))
        {
            throw Fail(family, "counter name does not end in _total");
        }

        foreach (var sample in family.Samples.Where(s => double.IsNaN(s.Value) || s.Value < 0))
        {
            throw Fail(family, $"line {sample.Line}: counter value {sample.Value} is negative or NaN");
        }
    }

    private static void CheckHistogram(ParsedFamily family)
    {
        foreach (var group in family.Samples.GroupBy(s => s.SeriesKey("le")[(s.Name.Length)..]))
        {
            var buckets = group.Where(s => s.Name == family.Name + "_bucket").ToList();
            var count = group.SingleOrDefault(s => s.Name == family.Name + "_count")
                ?? throw Fail(family, $"series {group.Key} has no _count");
            _ = group.SingleOrDefault(s => s.Name == family.Name + "_sum")
                ?? throw Fail(family, $"series {group.Key} has no _sum");

            if (buckets.Count == 0 || buckets[^1].Label("le") != "+Inf")
            {
                throw Fail(family, $"series {group.Key}: the last bucket is not le=\"+Inf\"");
            }

            var previousBound = double.NegativeInfinity;
            var previousCount = 0.0;
            foreach (var bucket in buckets)
            {
                if (bucket.Labels.All(l => l.Name != "le"))
                {
                    throw Fail(family, $"line {bucket.Line}: bucket without an le label");
                }

                var bound = bucket.Label("le") == "+Inf" ? double.PositiveInfinity : double.Parse(bucket.Label("le"), CultureInfo.InvariantCulture);
                if (bound <= previousBound)
                {
                    throw Fail(family, $"line {bucket.Line}: bucket bounds are not strictly ascending");
                }

                if (bucket.Value < previousCount || bucket.Value != Math.Floor(bucket.Value))
                {
                    throw Fail(family, $"line {bucket.Line}: buckets are not cumulative whole counts");
                }

                (previousBound, previousCount) = (bound, bucket.Value);
            }

            if (count.Value != previousCount)
            {
                throw Fail(family, $"series {group.Key}: _count {count.Value} differs from the +Inf bucket {previousCount}");
            }
        }
    }

    private static FormatException Fail(ParsedFamily family, string message) => new($"family {family.Name}: {message}");
}
