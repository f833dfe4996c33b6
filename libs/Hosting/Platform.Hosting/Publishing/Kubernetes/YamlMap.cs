using System.Collections;

namespace Platform.Hosting.Publishing.Kubernetes;

/// <summary>An ordered YAML mapping; <c>null</c> values are left out so optional fields read naturally in builders.</summary>
internal sealed class YamlMap : IEnumerable<KeyValuePair<string, object>>
{
    private readonly List<KeyValuePair<string, object>> _entries = [];

    public object? this[string key]
    {
        set => Add(key, value);
    }

    public void Add(string key, object? value)
    {
        if (value is not null)
        {
            _entries.Add(new(key, value));
        }
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
