using System.Diagnostics;
using Grpc.Net.Client;
using Platform.Budget.V1;
using Platform.Common.V1;

namespace Platform.Budget.Benchmarks;

/// <summary>
/// Closed loop: each caller reserves, commits the reservation, and starts again, for a fixed time.
/// A pair's latency runs from the Reserve call to the Commit reply. Callers share a few HTTP/2
/// connections (as a handful of gateway replicas would).
/// </summary>
internal sealed class GrpcPairLoad(IReadOnlyList<GrpcChannel> channels, string agentId)
{
    public async Task<LoadResult> RunAsync(int callers, TimeSpan duration)
    {
        var recorder = new LatencyRecorder(callers);
        long failures = 0, denials = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var price = new ModelPrice { InputMicrosPerMtok = 1_000_000, OutputMicrosPerMtok = 4_000_000 };
        var started = Stopwatch.GetTimestamp();
        var tasks = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var client = new BudgetService.BudgetServiceClient(channels[caller % channels.Count]);
            var random = new Random(caller);
            var prefix = $"bench-{Guid.NewGuid():N}-";
            long sequence = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    var reserve = await client.ReserveAsync(new ReserveRequest
                    {
                        AgentId = agentId,
                        IdempotencyKey = prefix + sequence++,
                        EstimatedInputTokens = random.Next(100, 2_000),
                        MaxOutputTokens = 1_000,
                        Price = price,
                        Model = "bench-model",
                    });
                    if (!reserve.Granted)
                    {
                        Interlocked.Increment(ref denials);
                        continue;
                    }

                    await client.CommitAsync(new CommitRequest
                    {
                        ReservationId = reserve.Reservation.ReservationId,
                        Usage = new TokenUsage { InputTokens = 500, OutputTokens = random.Next(1, 1_000) },
                    });
                    recorder.Record(caller, (long)Stopwatch.GetElapsedTime(begin).TotalMicroseconds);
                }
                catch (Grpc.Core.RpcException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var (p50, p99) = recorder.Percentiles();
        return new LoadResult(recorder.Count / elapsed.TotalSeconds, p50, p99, recorder.Count, failures, denials);
    }
}
