namespace Platform.Prometheus.Collection;

/// <summary>
/// The tags of one series, copied once when the series is created. Equality ignores tag order, since
/// callers may pass the same tags in any order.
/// </summary>
internal sealed class TagSet
{
    public static readonly TagSet Empty = new([]);

    public TagSet(KeyValuePair<string, object?>[] tags)
    {
        Tags = tags;
        HashCode = Hash(tags);
    }

    public KeyValuePair<string, object?>[] Tags { get; }

    public int HashCode { get; }

    // Order-independent: a sum of per-tag hashes.
    public static int Hash(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = tags.Length;
        foreach (var tag in tags)
        {
            hash = unchecked(hash + System.HashCode.Combine(tag.Key, tag.Value));
        }

        return hash;
    }

    public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length != Tags.Length)
        {
            return false;
        }

        // Tag sets are small, so a quadratic search beats building anything.
        foreach (var tag in tags)
        {
            if (!Contains(tag))
            {
                return false;
            }
        }

        return true;
    }

    private bool Contains(KeyValuePair<string, object?> tag)
    {
        foreach (var own in Tags)
        {
            if (own.Key == tag.Key && Equals(own.Value, tag.Value))
            {
                return true;
            }
        }

        return false;
    }
}
