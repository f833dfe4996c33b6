using System.Globalization;

namespace Platform.Budget.Benchmarks;

/// <summary>Command line: --callers 64 --connections 4 --seconds 20 --rounds 3 --warmup 5 --ceiling-requests 200000 --aof true</summary>
internal sealed record BenchmarkOptions(int Callers, int Connections, int Seconds, int Rounds, int WarmupSeconds, long CeilingRequests, bool Aof)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchmarkOptions(Int("callers", 64), Int("connections", 4), Int("seconds", 20), Int("rounds", 3), Int("warmup", 5),
            values.TryGetValue("ceiling-requests", out var n) ? long.Parse(n, CultureInfo.InvariantCulture) : 200_000,
            !values.TryGetValue("aof", out var aof) || bool.Parse(aof));
    }
}
