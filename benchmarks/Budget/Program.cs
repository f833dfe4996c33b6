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
var report = new BenchmarkReport(options);

await grpc.RunAsync(options.Callers, TimeSpan.FromSeconds(options.WarmupSeconds));
await ceiling.RunAsync(options.Callers, options.CeilingRequests / 10);
for (var round = 1; round <= options.Rounds; round++)
{
    report.Add(round, await grpc.RunAsync(options.Callers, TimeSpan.FromSeconds(options.Seconds)), await ceiling.RunAsync(options.Callers, options.CeilingRequests));
}

report.Print(await redis.GetDatabase().StreamLengthAsync(environment.Keys.Ledger));
