using Platform.Budget.Benchmarks;
using Platform.Redis;

// Reserve+commit pairs through gRPC at N concurrent callers, side by side with the ceiling of the
// same Lua in Redis (redis-benchmark), alternating rounds; medians and the ratio at the end.
var options = BenchmarkOptions.Parse(args);
await using var environment = await BenchmarkEnvironment.StartAsync(options);
await using var redis = await RedisConnection.ConnectAsync(environment.Redis.ConnectionString);
var sha = await RedisCeiling.LoadAsync(redis.GetDatabase(), PairScript.Create());
var grpc = new GrpcPairLoad(environment.Channels, BenchmarkEnvironment.AgentId);
var ceiling = new RedisCeiling(environment.Redis.Port, environment.Keys, BenchmarkEnvironment.AgentId, sha);
var direct = new DirectPairLoad(redis.GetDatabase(), BenchmarkEnvironment.FleetId, BenchmarkEnvironment.AgentId);
var report = new BenchmarkReport(options);

await grpc.RunAsync(options.Callers, TimeSpan.FromSeconds(options.WarmupSeconds));
await ceiling.RunAsync(options.Callers, options.CeilingRequests / 10);
await direct.RunAsync(options.Callers, TimeSpan.FromSeconds(options.WarmupSeconds));
for (var round = 1; round <= options.Rounds; round++)
{
    var grpcResult = await Measured(() => grpc.RunAsync(options.Callers, TimeSpan.FromSeconds(options.Seconds)));
    var ceilingResult = await Measured(() => ceiling.RunAsync(options.Callers, options.CeilingRequests));
    var directResult = await Measured(() => direct.RunAsync(options.Callers, TimeSpan.FromSeconds(options.Seconds)));
    report.Add(round, grpcResult, ceilingResult, directResult);
}

report.Print(await redis.GetDatabase().StreamLengthAsync(environment.Keys.Ledger));

// CPU time of each process over the run, per pair (the ceiling's client, redis-benchmark, is not counted).
async Task<LoadResult> Measured(Func<Task<LoadResult>> run)
{
    var service = CpuMeter.Of(environment.Service.Pid);
    var redisCpu = CpuMeter.Of(environment.Redis.ProcessId);
    var self = CpuMeter.Self();
    var result = await run();
    double PerPair(TimeSpan used) => used.TotalMicroseconds / Math.Max(1, result.Pairs);
    return result with
    {
        CpuPerPair = (PerPair(CpuMeter.Of(environment.Service.Pid) - service), PerPair(CpuMeter.Of(environment.Redis.ProcessId) - redisCpu),
            PerPair(CpuMeter.Self() - self)),
    };
}
