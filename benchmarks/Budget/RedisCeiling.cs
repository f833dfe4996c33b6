using System.Diagnostics;
using System.Globalization;
using Platform.Budget.Accounting;
using Platform.Redis;

namespace Platform.Budget.Benchmarks;

/// <summary>
/// The ceiling: redis-benchmark driving EVALSHA of the pair script (the service's reserve and commit
/// scripts back to back) with the same concurrency, against the same Redis, fleet and agent.
/// </summary>
internal sealed class RedisCeiling(int port, BudgetKeys keys, string agentId, string sha)
{
    public async Task<LoadResult> RunAsync(int callers, long requests)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var hour = BudgetWindows.HourIndex(now);
        var day = BudgetWindows.DayIndex(now);
        var arguments = new List<string>
        {
            "-p", port.ToString(CultureInfo.InvariantCulture), "-n", requests.ToString(CultureInfo.InvariantCulture),
            "-c", callers.ToString(CultureInfo.InvariantCulture), "-r", "1000000000", "--csv",
            "EVALSHA", sha, "8", (string)keys.Config!, (string)keys.Day(day)!, (string)keys.Reservations!, (string)keys.Expiries!,
            (string)keys.Idempotency("ceiling-__rand_int__")!, (string)keys.Ledger!, (string)keys.Events!, (string)keys.Samples!,
            hour.ToString(CultureInfo.InvariantCulture), day.ToString(CultureInfo.InvariantCulture), agentId,
            $"r{hour:x}-ceiling-__rand_int__", "1000", "1000", "1000000", "4000000", "5000", "500",
        };
        var start = new ProcessStartInfo("redis-benchmark") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        // "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        var fields = last.Split("\",\"");
        double Field(int i) => double.Parse(fields[i].Trim('"'), CultureInfo.InvariantCulture);
        return new LoadResult(Field(1), Field(4), Field(6), requests, 0, 0);
    }

    public static async Task<string> LoadAsync(IRedisDatabase redis, LuaScript script) => await redis.ScriptLoadAsync(script.Source);
}
