namespace Platform.LlmSimulator.Hashing;

/// <summary>
/// Hashes that are identical across processes and runs (unlike <see cref="HashCode"/>, which is
/// randomised per process), so "same seed, same output" holds between a test and a restarted simulator.
/// </summary>
public static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static ulong Start => FnvOffset;

    /// <summary>FNV-1a over UTF-16 code units.</summary>
    public static ulong Add(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * FnvPrime;
        }
        return hash;
    }

    public static ulong Add(ulong hash, long value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash = (hash ^ (byte)(value >> (i * 8))) * FnvPrime;
        }
        return hash;
    }

    public static ulong Of(ReadOnlySpan<char> text) => Add(FnvOffset, text);

    /// <summary>SplitMix64 finaliser: spreads nearby inputs (seed, seed+1, ...) over the whole range.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>The <paramref name="index"/>-th value of the stream named by <paramref name="seed"/>.</summary>
    public static ulong Draw(ulong seed, long index) => Mix(Mix(seed) ^ (ulong)index);

    /// <summary>Maps a hash to [0, 1) using its top 53 bits.</summary>
    public static double ToUnit(ulong value) => (value >> 11) * (1.0 / (1UL << 53));
}
