using System.Collections;
using System.Globalization;
using System.Text;
using Platform.Prometheus.Collection;

namespace Platform.Prometheus.Exposition;

/// <summary>
/// A series' tags as the Prometheus label text between the braces (<c>method="GET",route="/"</c>),
/// in a canonical form: sorted by name, empty values dropped (Prometheus treats an empty label as
/// absent), and tags whose names sanitise to the same label joined with <c>;</c> as OpenTelemetry
/// specifies. Equal texts mean the same series.
/// </summary>
internal static class LabelSet
{
    /// <summary>Tag names that would clash with a label the exposition adds itself get this prefix.</summary>
    private const string ExportedPrefix = "exported_";

    public static string Render(TagSet tags, bool isHistogram)
    {
        if (tags.Tags.Length == 0)
        {
            return "";
        }

        var labels = new SortedDictionary<string, List<(string Key, string Value)>>(StringComparer.Ordinal);
        foreach (var (key, value) in tags.Tags)
        {
            var text = ValueText(value);
            if (text.Length == 0)
            {
                continue;
            }

            var name = PrometheusNaming.LabelName(key);
            if (isHistogram && name == "le")
            {
                name = ExportedPrefix + name;
            }

            if (!labels.TryGetValue(name, out var values))
            {
                labels[name] = values = [];
            }

            values.Add((key, text));
        }

        var builder = new StringBuilder();
        foreach (var (name, values) in labels)
        {
            var value = string.Join(';', values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Value));
            AppendLabel(builder, name, value);
        }

        return builder.ToString();
    }

    /// <summary>Appends <c>name="value"</c> (comma-separated from what is there), escaping the value.</summary>
    public static void AppendLabel(StringBuilder builder, string name, string value)
    {
        if (builder.Length > 0)
        {
            builder.Append(',');
        }

        builder.Append(name).Append("=\"");
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '"' => builder.Append("\\\""),
                '\n' => builder.Append(@"\n"),
                _ => builder.Append(c),
            };
        }

        builder.Append('"');
    }

    private static string ValueText(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(',', items.Cast<object?>().Select(ValueText)) + "]",
        _ => value.ToString() ?? "",
    };
}
