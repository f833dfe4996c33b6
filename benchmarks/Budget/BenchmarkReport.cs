using System.Globalization;

namespace Platform.Budget.Benchmarks;

/// <summary>Prints each round and the medians as a markdown table, plus the machine's load.</summary>
internal sealed class BenchmarkReport(BenchmarkOptions options)
{
    private readonly List<(int Round, LoadResult Grpc, LoadResult Ceiling, LoadResult Direct, string Load)> _rounds = [];

    public void Add(int round, LoadResult grpc, LoadResult ceiling, LoadResult direct)
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        _rounds.Add((round, grpc, ceiling, direct, load));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {round}: gRPC {grpc.PairsPerSecond:N0} pairs/s p50 {grpc.P50Ms:0.00} ms p99 {grpc.P99Ms:0.00} ms " +
            $"(failures {grpc.Failures}, denials {grpc.Denials}) | ceiling {ceiling.PairsPerSecond:N0} pairs/s p50 {ceiling.P50Ms:0.00} ms " +
            $"p99 {ceiling.P99Ms:0.00} ms | load {load}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  CPU per pair: gRPC path service {grpc.CpuPerPair.Service:0} us + redis {grpc.CpuPerPair.Redis:0} us + load generator {grpc.CpuPerPair.Client:0} us; " +
            $"ceiling redis {ceiling.CpuPerPair.Redis:0} us"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  in-process accountant (no gRPC): {direct.PairsPerSecond:N0} pairs/s p50 {direct.P50Ms:0.00} ms p99 {direct.P99Ms:0.00} ms; CPU per pair: " +
            $"engine + Redis client {direct.CpuPerPair.Client:0} us, redis {direct.CpuPerPair.Redis:0} us, service background (ledger etc.) {direct.CpuPerPair.Service:0} us"));
    }

    public void Print(long ledgerBacklog)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }

        var grpc = Median(_rounds.Select(r => r.Grpc.PairsPerSecond));
        var ceiling = Median(_rounds.Select(r => r.Ceiling.PairsPerSecond));
        Console.WriteLine();
        Console.WriteLine($"{options.Callers} callers, {options.Connections} HTTP/2 connections, {options.Seconds} s per gRPC round, " +
                          $"{options.CeilingRequests:N0} requests per ceiling round, Redis AOF {(options.Aof ? "everysec" : "off")}");
        Console.WriteLine("| round | load | gRPC pairs/s | gRPC p50 | gRPC p99 | ceiling pairs/s | ceiling p50 | ceiling p99 | ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (round, g, c, _, load) in _rounds)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {round} | {load} | {g.PairsPerSecond:N0} | {g.P50Ms:0.00} ms | {g.P99Ms:0.00} ms | {c.PairsPerSecond:N0} | {c.P50Ms:0.00} ms | {c.P99Ms:0.00} ms | {g.PairsPerSecond / c.PairsPerSecond:0.00} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| median | | {grpc:N0} | {Median(_rounds.Select(r => r.Grpc.P50Ms)):0.00} ms | {Median(_rounds.Select(r => r.Grpc.P99Ms)):0.00} ms | " +
            $"{ceiling:N0} | {Median(_rounds.Select(r => r.Ceiling.P50Ms)):0.00} ms | {Median(_rounds.Select(r => r.Ceiling.P99Ms)):0.00} ms | **{grpc / ceiling:0.00}** |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU per pair (medians): gRPC path: service {Median(_rounds.Select(r => r.Grpc.CpuPerPair.Service)):0} us, redis-server " +
            $"{Median(_rounds.Select(r => r.Grpc.CpuPerPair.Redis)):0} us, load generator {Median(_rounds.Select(r => r.Grpc.CpuPerPair.Client)):0} us; " +
            $"ceiling: redis-server {Median(_rounds.Select(r => r.Ceiling.CpuPerPair.Redis)):0} us"));
        Console.WriteLine($"ledger entries still in the stream at the end (not yet in PostgreSQL): {ledgerBacklog:N0}");
    }
}
