namespace Prometheus.Tests;

internal static class Tags
{
    public static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}
