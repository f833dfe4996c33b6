using Platform.Budget.Accounting;
using Platform.Redis;

namespace Platform.Budget.Reports;

/// <summary>The counters of every agent in one window (an hour or a day), read from a day hash.</summary>
internal sealed class WindowCounters
{
    private readonly Dictionary<string, long[]> _windows;

    private WindowCounters(Dictionary<string, long[]> windows) => _windows = windows;

    /// <summary>Splits a whole day hash into its day windows and the windows of hour <paramref name="hour"/>.</summary>
    public static (WindowCounters Hourly, WindowCounters Daily) FromDay(HashEntry[] dayHash, long hour)
    {
        var suffix = "@" + hour.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hourly = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var daily = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var entry in dayHash)
        {
            var field = (string)entry.Name!;
            if (field == "_")
            {
                continue;
            }

            var at = field.IndexOf('@');
            if (at < 0)
            {
                daily[field] = PackedWindow.Parse(entry.Value);
            }
            else if (field.EndsWith(suffix, StringComparison.Ordinal) && at == field.Length - suffix.Length)
            {
                hourly[field[..at]] = PackedWindow.Parse(entry.Value);
            }
        }

        return (new WindowCounters(hourly), new WindowCounters(daily));
    }

    /// <summary>For tests and planning: explicit counters, "agent:field" = value.</summary>
    public static WindowCounters Of(IEnumerable<(string Agent, string Field, long Value)> values)
    {
        var windows = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var (agent, field, value) in values)
        {
            if (!windows.TryGetValue(agent, out var counters))
            {
                counters = new long[PackedWindow.Fields.Length];
                windows[agent] = counters;
            }

            counters[PackedWindow.IndexOf(field)] = value;
        }

        return new WindowCounters(windows);
    }

    public long Get(string agentId, string field) =>
        _windows.TryGetValue(agentId, out var counters) ? counters[PackedWindow.IndexOf(field)] : 0;
}
