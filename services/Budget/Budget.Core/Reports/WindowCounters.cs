using Platform.Redis;

namespace Platform.Budget.Reports;

/// <summary>A window hash read whole: "&lt;agent&gt;:&lt;field&gt;" counters, 0 when absent.</summary>
internal sealed class WindowCounters
{
    private readonly Dictionary<string, long> _values = new(StringComparer.Ordinal);

    public WindowCounters(HashEntry[] entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Value.TryParse(out long value))
            {
                _values[(string)entry.Name!] = value;
            }
        }
    }

    public long Get(string agentId, string field) => _values.TryGetValue(agentId + ":" + field, out var value) ? value : 0;
}
