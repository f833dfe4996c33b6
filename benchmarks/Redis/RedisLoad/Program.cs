using System.Diagnostics;
using System.Globalization;
using Platform.Redis;

// Usage: RedisLoad <port> [callers=50] [seconds=10]
// Each caller loops SET then GET on its own key (3-byte value, like redis-benchmark), awaiting each
// reply; all callers share one connection, so concurrency becomes pipelining. Prints "ops/s <n>",
// the process's CPU time per operation (less sensitive to a busy machine than ops/s) and allocations.
var port = int.Parse(args[0], CultureInfo.InvariantCulture);
var callers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10;

await using var connection = await RedisConnection.ConnectAsync($"127.0.0.1:{port}");
var db = connection.GetDatabase();

await RunAsync(TimeSpan.FromSeconds(2)); // warm-up: JIT, tiering, pool growth
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var cpuBefore = Environment.CpuUsage.TotalTime;
var (operations, elapsed) = await RunAsync(TimeSpan.FromSeconds(seconds));
var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
Console.WriteLine(FormattableString.Invariant($"ops/s {operations / elapsed.TotalSeconds:F0}"));
Console.WriteLine(FormattableString.Invariant($"cpu-us/op {cpu.TotalMicroseconds / operations:F2}"));
Console.WriteLine(FormattableString.Invariant($"allocated-bytes/op {(double)allocated / operations:F0}"));

async Task<(long Operations, TimeSpan Elapsed)> RunAsync(TimeSpan duration)
{
    long operations = 0;
    var stop = false;
    var clock = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
    {
        RedisKey key = $"bench:{caller}";
        RedisValue value = "xxx";
        long done = 0;
        while (!Volatile.Read(ref stop))
        {
            await db.StringSetAsync(key, value);
            var read = await db.StringGetAsync(key);
            if (read.IsNull)
            {
                throw new InvalidOperationException("GET returned nothing after SET.");
            }

            done += 2;
        }

        Interlocked.Add(ref operations, done);
    })).ToArray();

    await Task.Delay(duration);
    Volatile.Write(ref stop, true);
    await Task.WhenAll(workers);
    return (operations, clock.Elapsed);
}
