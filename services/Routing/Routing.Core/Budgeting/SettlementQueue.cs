using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Routing.Upstream;

namespace Platform.Routing.Budgeting;

/// <summary>
/// Commits and releases holds off the caller's path: the reply does not wait for the budget service's
/// second round trip. Each settlement is retried with backoff for a few minutes (Commit and Release are
/// idempotent per reservation); if routing dies first, the hold expires and the budget service returns it.
/// On shutdown the queue is drained before the host stops.
/// </summary>
public sealed partial class SettlementQueue(IBudgetService budget, ILogger<SettlementQueue> logger) : BackgroundService
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(5);
    private readonly Channel<Settlement> _queue = Channel.CreateUnbounded<Settlement>(new UnboundedChannelOptions { SingleReader = false });
    private long _pending;

    public long Pending => Interlocked.Read(ref _pending);

    public void Commit(string reservationId, UpstreamUsage usage, long costMicros, string model) =>
        Enqueue(new Settlement(reservationId, usage, costMicros, model, null, ""));

    public void Release(string reservationId, ReleaseKind reason, string message) =>
        Enqueue(new Settlement(reservationId, default, 0, "", reason, message));

    /// <summary>Waits until everything queued so far was settled (tests and shutdown).</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Pending > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(20);
    }

    private void Enqueue(Settlement settlement)
    {
        Interlocked.Increment(ref _pending);
        _queue.Writer.TryWrite(settlement);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Enough concurrent settlers to keep up with thousands of calls per second even when each round trip
        // is slow (a loaded budget service); they share the client's HTTP/2 connections.
        Task.WhenAll(Enumerable.Range(0, 32).Select(_ => SettleLoopAsync(stoppingToken)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await DrainAsync(TimeSpan.FromSeconds(10));
        await base.StopAsync(cancellationToken);
    }

    private async Task SettleLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var settlement in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await SettleAsync(settlement, stoppingToken);
                Interlocked.Decrement(ref _pending);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SettleAsync(Settlement settlement, CancellationToken stoppingToken)
    {
        var started = DateTime.UtcNow;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                if (settlement.ReleaseReason is { } reason)
                    await budget.ReleaseAsync(settlement.ReservationId, reason, settlement.Message, timeout.Token);
                else
                    await budget.CommitAsync(settlement.ReservationId, settlement.Usage, settlement.CostMicros, settlement.Model, timeout.Token);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not SettlementRejectedException)
            {
                if (DateTime.UtcNow - started > GiveUpAfter)
                {
                    LogGaveUp(logger, settlement.ReservationId, e);
                    return;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 50 * Math.Pow(2, Math.Min(attempt, 10)))), stoppingToken);
            }
            catch (SettlementRejectedException e)
            {
                LogRejected(logger, settlement.ReservationId, e.Message);
                return;
            }
        }
    }

    private sealed record Settlement(string ReservationId, UpstreamUsage Usage, long CostMicros, string Model, ReleaseKind? ReleaseReason, string Message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up settling reservation {ReservationId}; it will expire in the budget service")]
    private static partial void LogGaveUp(ILogger logger, string reservationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The budget service refused to settle reservation {ReservationId}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reservationId, string reason);
}
