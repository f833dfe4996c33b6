using System.Text;
using Platform.Prometheus.Collection;

namespace Platform.Prometheus.Exposition;

/// <summary>OpenTelemetry instrument and tag names as valid Prometheus metric and label names.</summary>
internal static class PrometheusNaming
{
    /// <summary><c>http.server.request.duration</c> with unit <c>s</c> becomes <c>http_server_request_duration_seconds</c>.</summary>
    public static string MetricName(string instrumentName, string? unit, InstrumentKind kind)
    {
        var name = SanitizeMetricName(instrumentName);
        var isCounter = kind.IsCounter();
        if (isCounter && name.EndsWith("_total", StringComparison.Ordinal))
        {
            name = name[..^"_total".Length];
        }

        var suffix = UnitSuffix.For(unit, isGauge: !isCounter && kind != InstrumentKind.Histogram);
        if (suffix.Length > 0 && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            name = $"{name}_{suffix}";
        }

        return isCounter ? name + "_total" : name;
    }

    /// <summary>Keeps <c>[a-zA-Z0-9_]</c>, turns anything else into one underscore, and never starts with a digit.</summary>
    public static string SanitizeMetricName(string name)
    {
        var sanitized = Sanitize(name);
        return sanitized.Length == 0 || char.IsAsciiDigit(sanitized[0]) ? "_" + sanitized : sanitized;
    }

    /// <summary>
    /// Like metric names; since underscores collapse, a label never takes the <c>__</c> prefix
    /// Prometheus reserves for itself.
    /// </summary>
    public static string LabelName(string key)
    {
        var sanitized = Sanitize(key);
        return sanitized.Length == 0 || char.IsAsciiDigit(sanitized[0]) ? "key_" + sanitized : sanitized;
    }

    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var valid = char.IsAsciiLetterOrDigit(c) || c == '_';
            var next = valid ? c : '_';
            // Runs of invalid characters (and underscores) collapse to one underscore.
            if (next == '_' && builder.Length > 0 && builder[^1] == '_')
            {
                continue;
            }

            builder.Append(next);
        }

        return builder.ToString();
    }
}
