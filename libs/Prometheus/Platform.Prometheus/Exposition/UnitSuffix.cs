using System.Text.RegularExpressions;

namespace Platform.Prometheus.Exposition;

/// <summary>
/// Turns a UCUM unit (as OpenTelemetry instruments carry it) into the Prometheus name suffix, per
/// OpenTelemetry's "Prometheus and OpenMetrics compatibility" specification: <c>s</c> becomes
/// <c>seconds</c>, <c>By/s</c> becomes <c>bytes_per_second</c>, <c>{request}</c> annotations vanish.
/// </summary>
internal static partial class UnitSuffix
{
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["d"] = "days", ["h"] = "hours", ["min"] = "minutes", ["s"] = "seconds",
        ["ms"] = "milliseconds", ["us"] = "microseconds", ["ns"] = "nanoseconds",
        ["By"] = "bytes", ["KiBy"] = "kibibytes", ["MiBy"] = "mebibytes", ["GiBy"] = "gibibytes", ["TiBy"] = "tibibytes",
        ["KBy"] = "kilobytes", ["MBy"] = "megabytes", ["GBy"] = "gigabytes", ["TBy"] = "terabytes",
        ["m"] = "meters", ["V"] = "volts", ["A"] = "amperes", ["J"] = "joules", ["W"] = "watts", ["g"] = "grams",
        ["Cel"] = "celsius", ["Hz"] = "hertz", ["%"] = "percent", ["1"] = "",
    };

    private static readonly Dictionary<string, string> PerUnits = new(StringComparer.Ordinal)
    {
        ["s"] = "second", ["m"] = "minute", ["min"] = "minute", ["h"] = "hour", ["d"] = "day",
        ["w"] = "week", ["mo"] = "month", ["y"] = "year",
    };

    /// <summary>The suffix without a leading underscore; empty when the unit adds nothing.</summary>
    public static string For(string? unit, bool isGauge)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return "";
        }

        // A dimensionless gauge is a ratio (0..1), which Prometheus names say explicitly.
        if (unit == "1" && isGauge)
        {
            return "ratio";
        }

        var withoutAnnotations = Annotation().Replace(unit, "").Trim();
        var slash = withoutAnnotations.IndexOf('/');
        if (slash < 0)
        {
            return Convert(Units, withoutAnnotations);
        }

        var numerator = Convert(Units, withoutAnnotations[..slash]);
        var denominator = Convert(PerUnits, withoutAnnotations[(slash + 1)..]);
        return (numerator, denominator) switch
        {
            (_, "") => numerator,
            ("", _) => $"per_{denominator}",
            _ => $"{numerator}_per_{denominator}",
        };
    }

    private static string Convert(Dictionary<string, string> table, string unit) =>
        table.TryGetValue(unit, out var name) ? name : PrometheusNaming.SanitizeMetricName(unit).Trim('_');

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Annotation();
}
