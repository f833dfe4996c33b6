using System.Text;

namespace Platform.Agents.Loop;

/// <summary>A normalised text reduced to a hash of the whole and the set of hashes of its word 3-shingles.</summary>
public sealed class TextFingerprint
{
    private const int ShingleSize = 3;
    private readonly HashSet<ulong> _shingles;
    private readonly ulong _whole;

    private TextFingerprint(ulong whole, HashSet<ulong> shingles)
    {
        _whole = whole;
        _shingles = shingles;
    }

    public static TextFingerprint Of(string text)
    {
        var words = Words(text).ToArray();
        var shingles = new HashSet<ulong>();
        if (words.Length < ShingleSize)
            shingles.Add(Hash(string.Join(' ', words)));
        for (var i = 0; i + ShingleSize <= words.Length; i++)
            shingles.Add(Hash(string.Join(' ', words, i, ShingleSize)));
        return new TextFingerprint(Hash(string.Join(' ', words)), shingles);
    }

    public bool IsSimilarTo(TextFingerprint other, double threshold)
    {
        if (_whole == other._whole)
            return true;
        var common = 0;
        foreach (var shingle in _shingles)
        {
            if (other._shingles.Contains(shingle))
                common++;
        }
        var union = _shingles.Count + other._shingles.Count - common;
        return union > 0 && (double)common / union >= threshold;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
            words.Add(word.ToString());
        return words;
    }

    // FNV-1a 64: stable across processes (string.GetHashCode is randomised per process).
    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
