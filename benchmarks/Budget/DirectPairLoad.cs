using System.Diagnostics;
using Platform.Budget.Accounting;
using Platform.Budget.Hosting;
using Platform.Budget.Registry;
using Platform.Budget.Sizing;
using Platform.Redis;

namespace Platform.Budget.Benchmarks;

/// <summary>
/// The same pairs without gRPC: the service's BudgetAccountant in this process, on its own Redis
/// connection. Splits the cost of a pair into the engine (this) and the RPC layer (gRPC minus this).
/// </summary>
internal sealed class DirectPairLoad(IRedisDatabase redis, string fleetId, string agentId)
{
    private readonly BudgetAccountant _accountant = Create(redis, fleetId);

    public async Task<LoadResult> RunAsync(int callers, TimeSpan duration)
    {
        var recorder = new LatencyRecorder(callers);
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var price = new ModelPrice(1_000_000, 4_000_000);
        var started = Stopwatch.GetTimestamp();
        var tasks = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var random = new Random(caller);
            var prefix = $"direct-{Guid.NewGuid():N}-";
            long sequence = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var begin = Stopwatch.GetTimestamp();
                var reserve = await _accountant.ReserveAsync(new ReserveCommand
                {
                    AgentId = agentId,
                    IdempotencyKey = prefix + sequence++,
                    EstimatedInputTokens = random.Next(100, 2_000),
                    MaxOutputTokens = 1_000,
                    Price = price,
                    Model = "bench-model",
                });
                await _accountant.CommitAsync(new CommitCommand
                {
                    ReservationId = reserve.Reservation!.ReservationId,
                    InputTokens = 500,
                    OutputTokens = random.Next(1, 1_000),
                });
                recorder.Record(caller, (long)Stopwatch.GetElapsedTime(begin).TotalMicroseconds);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var (p50, p99) = recorder.Percentiles();
        return new LoadResult(recorder.Count / elapsed.TotalSeconds, p50, p99, recorder.Count, 0, 0);
    }

    private static BudgetAccountant Create(IRedisDatabase redis, string fleetId)
    {
        var settings = new BudgetSettings(new BudgetOptions { FleetId = fleetId });
        return new BudgetAccountant(redis, settings, new WindowGuess(TimeProvider.System), new OutputSizer(redis, settings, new AgentDirectory()));
    }
}
