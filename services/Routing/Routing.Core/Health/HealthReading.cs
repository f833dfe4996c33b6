using System.Globalization;
using Platform.Redis;
using Platform.Routing.Limits;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Health;

/// <summary>Turns the health script's reply into a snapshot: breaker fields, load, and percentiles from the merged histograms.</summary>
internal static class HealthReading
{
    public static ModelHealthSnapshot Parse(string model, RedisResult[] values, HealthOptions options)
    {
        var now = (long)values[0];
        var state = (BreakerState)(long)values[1];
        var openUntil = Long(values[3]);
        var stats = values[11].ToArray();

        var oldestBucket = now / (long)options.BucketLength.TotalMilliseconds - options.BucketCount + 1;
        long requests = 0, failures = 0;
        var latency = new Dictionary<int, long>();
        var ttft = new Dictionary<int, long>();
        for (var i = 0; i + 1 < stats.Length; i += 2)
        {
            var field = (string?)stats[i] ?? "";
            var bar = field.IndexOf('|');
            if (bar <= 0 || !long.TryParse(field.AsSpan(0, bar), CultureInfo.InvariantCulture, out var bucket) || bucket < oldestBucket)
                continue;
            var count = (long)stats[i + 1];
            var kind = field[bar + 1];
            var rest = field.AsSpan(bar + 2);
            switch (kind)
            {
                case 'n': requests += count; break;
                case 'f': failures += count; break;
                case 'l' when int.TryParse(rest, CultureInfo.InvariantCulture, out var bin): Add(latency, bin, count); break;
                case 't' when int.TryParse(rest, CultureInfo.InvariantCulture, out var bin): Add(ttft, bin, count); break;
            }
        }

        return new ModelHealthSnapshot
        {
            Model = model,
            Breaker = state == BreakerState.Open && openUntil <= now ? BreakerState.HalfOpen : state,
            BreakerChangeTime = Time(Long(values[2])),
            OpenUntil = state == BreakerState.Open ? Time(openUntil) : null,
            ConsecutiveFailures = (int)Long(values[4]),
            LastSuccessTime = Time(Long(values[5])),
            LastFailureTime = Time(Long(values[6])),
            LastError = (string?)values[7] ?? "",
            InFlight = (int)(long)values[8],
            RpmUsed = (int)(long)values[9],
            TpmUsed = (long)values[10],
            RequestCount = requests,
            ErrorRatePercent = requests == 0 ? 0 : 100.0 * failures / requests,
            P50LatencyMs = LatencyBins.Percentile(latency, 0.5),
            P95LatencyMs = LatencyBins.Percentile(latency, 0.95),
            P50TimeToFirstTokenMs = LatencyBins.Percentile(ttft, 0.5),
            Window = options.Window,
        };
    }

    private static void Add(Dictionary<int, long> histogram, int bin, long count) =>
        histogram[bin] = histogram.GetValueOrDefault(bin) + count;

    private static long Long(RedisResult value) =>
        long.TryParse((string?)value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 0;

    private static DateTime? Time(long unixMs) => unixMs > 0 ? DateTime.UnixEpoch.AddMilliseconds(unixMs) : null;
}
