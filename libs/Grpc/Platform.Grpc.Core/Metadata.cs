using System.Collections;

namespace Grpc.Core;

/// <summary>
/// Call headers or trailers: an ordered list of key/value entries where a key may repeat.
/// Keys ending in "-bin" carry binary values (base64 on the wire); all other values are ASCII strings.
/// </summary>
public sealed partial class Metadata : IList<Metadata.Entry>
{
    public const string BinaryHeaderSuffix = "-bin";

    /// <summary>A shared, read-only empty instance.</summary>
    public static readonly Metadata Empty = new Metadata().Freeze();

    private readonly List<Entry> _entries = [];
    private bool _readOnly;

    public int Count => _entries.Count;

    public bool IsReadOnly => _readOnly;

    public Entry this[int index]
    {
        get => _entries[index];
        set
        {
            ThrowIfReadOnly();
            _entries[index] = value ?? throw new ArgumentNullException(nameof(value));
        }
    }

    /// <summary>The last entry with this key, or null.</summary>
    public Entry? Get(string key)
    {
        var normalized = Entry.NormalizeKey(key);
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].Key == normalized)
            {
                return _entries[i];
            }
        }

        return null;
    }

    /// <summary>The string value of the last entry with this key, or null. Throws for a binary key.</summary>
    public string? GetValue(string key)
    {
        if (Entry.IsBinaryKey(key))
        {
            throw new InvalidOperationException($"Use {nameof(GetValueBytes)} for the binary key '{key}'.");
        }

        return Get(key)?.Value;
    }

    /// <summary>The bytes of the last entry with this key, or null. Throws for a non-binary key.</summary>
    public byte[]? GetValueBytes(string key)
    {
        if (!Entry.IsBinaryKey(key))
        {
            throw new InvalidOperationException($"Use {nameof(GetValue)} for the string key '{key}'.");
        }

        return Get(key)?.ValueBytes;
    }

    public IEnumerable<Entry> GetAll(string key)
    {
        var normalized = Entry.NormalizeKey(key);
        foreach (var entry in _entries)
        {
            if (entry.Key == normalized)
            {
                yield return entry;
            }
        }
    }

    public void Add(string key, string value) => Add(new Entry(key, value));

    public void Add(string key, byte[] valueBytes) => Add(new Entry(key, valueBytes));

    public void Add(Entry item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ThrowIfReadOnly();
        _entries.Add(item);
    }

    public void Insert(int index, Entry item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ThrowIfReadOnly();
        _entries.Insert(index, item);
    }

    public int IndexOf(Entry item) => _entries.IndexOf(item);

    public bool Contains(Entry item) => _entries.Contains(item);

    public void CopyTo(Entry[] array, int arrayIndex) => _entries.CopyTo(array, arrayIndex);

    public bool Remove(Entry item)
    {
        ThrowIfReadOnly();
        return _entries.Remove(item);
    }

    public void RemoveAt(int index)
    {
        ThrowIfReadOnly();
        _entries.RemoveAt(index);
    }

    public void Clear()
    {
        ThrowIfReadOnly();
        _entries.Clear();
    }

    public List<Entry>.Enumerator GetEnumerator() => _entries.GetEnumerator();

    IEnumerator<Entry> IEnumerable<Entry>.GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    /// <summary>Makes this instance read-only; used for shared instances such as <see cref="Empty"/>.</summary>
    internal Metadata Freeze()
    {
        _readOnly = true;
        return this;
    }

    private void ThrowIfReadOnly()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("Metadata is read-only.");
        }
    }
}
