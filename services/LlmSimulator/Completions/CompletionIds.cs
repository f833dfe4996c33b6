using System.Globalization;

namespace Platform.LlmSimulator.Completions;

/// <summary>Unique completion ids (<c>chatcmpl-sim…</c>): a per-process random prefix and a counter, no locking.</summary>
public static class CompletionIds
{
    private static readonly string Prefix = "chatcmpl-sim" + Random.Shared.Next(0x100000, 0xFFFFFF).ToString("x6", CultureInfo.InvariantCulture);
    private static long _counter;

    public static string Next()
    {
        var number = Interlocked.Increment(ref _counter);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{number:x10}");
    }
}
