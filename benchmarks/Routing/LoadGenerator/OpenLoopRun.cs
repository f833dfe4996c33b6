using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Platform.Routing.LoadGenerator;

/// <summary>
/// Sends requests at a fixed rate whatever the server does (open loop): request i is due at start + i/rate
/// and its latency runs from that due time, so a server that stalls is charged for the queue it causes
/// (no coordinated omission). Prints one line: offered and achieved rate, errors, p50/p90/p99/max.
/// </summary>
internal static class OpenLoopRun
{
    public static async Task<int> MainAsync(Arguments args)
    {
        var url = new Uri(args.Required("url"));
        var rate = double.Parse(args.Required("rate"), CultureInfo.InvariantCulture);
        var seconds = double.Parse(args.Required("seconds"), CultureInfo.InvariantCulture);
        var warmup = double.Parse(args.Optional("warmup") ?? "2", CultureInfo.InvariantCulture);
        var label = args.Optional("label") ?? url.ToString();
        var body = args.Optional("body") is { } file ? await File.ReadAllBytesAsync(file) : Encoding.UTF8.GetBytes(DefaultBody);
        var headers = args.All("header").Select(h => (Name: h[..h.IndexOf(':')].Trim(), Value: h[(h.IndexOf(':') + 1)..].Trim())).ToList();

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 10_000,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { Timeout = TimeSpan.FromSeconds(30) };

        if (warmup > 0)
            await RunAsync(http, url, body, headers, rate, warmup);
        var result = await RunAsync(http, url, body, headers, rate, seconds);
        Console.WriteLine(result.Format(label, rate));
        return 0;
    }

    private const string DefaultBody = """{"model":"bench","max_tokens":16,"messages":[{"role":"user","content":"Say hello to the benchmark."}]}""";

    private static async Task<RunResult> RunAsync(HttpClient http, Uri url, byte[] body, List<(string Name, string Value)> headers, double rate, double seconds)
    {
        var total = (int)(rate * seconds);
        var latencies = new double[total];
        var errors = 0;
        var firstError = "";
        var pending = new Task[total];
        var clock = Stopwatch.StartNew();
        var tick = TimeSpan.TicksPerSecond / rate;

        for (var i = 0; i < total; i++)
        {
            var due = (long)(i * tick);
            // Sleep while the next due time is far, spin the last stretch: ~50 µs send-time precision.
            while (clock.Elapsed.Ticks < due - TimeSpan.TicksPerMillisecond * 2)
                await Task.Delay(1);
            while (clock.Elapsed.Ticks < due)
                Thread.SpinWait(20);
            var index = i;
            pending[i] = Task.Run(async () =>
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    foreach (var (name, value) in headers)
                        request.Headers.TryAddWithoutValidation(name, value);
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    latencies[index] = (clock.Elapsed.Ticks - due) / (double)TimeSpan.TicksPerMillisecond;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        if (Interlocked.Increment(ref errors) == 1)
                            firstError = $"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                    }
                }
                catch (Exception e)
                {
                    latencies[index] = (clock.Elapsed.Ticks - due) / (double)TimeSpan.TicksPerMillisecond;
                    if (Interlocked.Increment(ref errors) == 1)
                        firstError = e.GetType().Name + ": " + e.Message;
                }
            });
        }
        var sendSeconds = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(pending);
        Array.Sort(latencies);
        return new RunResult(total, errors, firstError, sendSeconds, clock.Elapsed.TotalSeconds, latencies);
    }

    private sealed record RunResult(int Total, int Errors, string FirstError, double SendSeconds, double TotalSeconds, double[] Sorted)
    {
        private double Percentile(double q) => Sorted.Length == 0 ? 0 : Sorted[Math.Min(Sorted.Length - 1, (int)Math.Ceiling(q * Sorted.Length) - 1)];

        public string Format(string label, double rate)
        {
            var line = FormattableString.Invariant(
                $"label={label} offered={rate:F0} sent_rate={Total / SendSeconds:F0} completed_rate={Total / TotalSeconds:F0} requests={Total} errors={Errors} p50_ms={Percentile(0.50):F2} p90_ms={Percentile(0.90):F2} p99_ms={Percentile(0.99):F2} max_ms={Sorted.LastOrDefault():F2}");
            var error = FirstError.Replace('"', '\'').ReplaceLineEndings(" ");
            return Errors > 0 ? $"{line} first_error=\"{error[..Math.Min(200, error.Length)]}\"" : line;
        }
    }
}
