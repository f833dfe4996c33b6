using System.Globalization;
using System.Text;

namespace Platform.Prometheus.Exposition;

/// <summary>Writes families in the Prometheus text exposition format, version 0.0.4.</summary>
internal static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IReadOnlyList<MetricFamily> families)
    {
        var text = new StringBuilder();
        foreach (var family in families)
        {
            text.Append("# HELP ").Append(family.Name).Append(' ');
            AppendHelp(text, family.Help);
            text.Append('\n');
            text.Append("# TYPE ").Append(family.Name).Append(' ').Append(TypeName(family.Type)).Append('\n');

            foreach (var (labels, sample) in family.Samples)
            {
                if (family.Type == MetricType.Histogram)
                {
                    AppendHistogram(text, family, labels, sample);
                }
                else
                {
                    AppendSample(text, family.Name, labels, sample.Value);
                }
            }
        }

        return text.ToString();
    }

    // Prometheus histograms are cumulative: each bucket counts every value up to its bound.
    private static void AppendHistogram(StringBuilder text, MetricFamily family, string labels, FamilySample sample)
    {
        long cumulative = 0;
        for (var i = 0; i < sample.BucketCounts.Length; i++)
        {
            cumulative += sample.BucketCounts[i];
            var bound = i < family.Boundaries.Length ? FormatNumber(family.Boundaries[i]) : "+Inf";
            var bucketLabels = new StringBuilder(labels);
            LabelSet.AppendLabel(bucketLabels, "le", bound);
            AppendSample(text, family.Name + "_bucket", bucketLabels.ToString(), cumulative);
        }

        AppendSample(text, family.Name + "_sum", labels, sample.Sum);
        AppendSample(text, family.Name + "_count", labels, cumulative);
    }

    private static void AppendSample(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(FormatNumber(value)).Append('\n');
    }

    private static void AppendHelp(StringBuilder text, string help)
    {
        foreach (var c in help)
        {
            _ = c switch
            {
                '\\' => text.Append(@"\\"),
                '\n' => text.Append(@"\n"),
                '\r' => text,
                _ => text.Append(c),
            };
        }
    }

    public static string FormatNumber(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string TypeName(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Histogram => "histogram",
        _ => "gauge",
    };
}
