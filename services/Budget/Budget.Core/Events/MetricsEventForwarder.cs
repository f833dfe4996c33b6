using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Budget.Hosting;
using Platform.Budget.Streams;
using Platform.Redis;

namespace Platform.Budget.Events;

/// <summary>
/// Copies every budget event to the metrics service's stream (<c>metrics:events</c>, format in
/// services/Budget/README.md): one consumer per replica in the "metrics" group, so each event is
/// forwarded once (at least once across crashes). Also trims the events stream to 24 hours.
/// </summary>
public sealed class MetricsEventForwarder(IRedisDatabase redis, BudgetSettings settings, ILogger<MetricsEventForwarder> logger)
    : BackgroundService
{
    public const string Group = "metrics";
    private const long MetricsStreamMaxLength = 1_000_000;
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private static readonly TimeSpan TrimInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = new StreamGroupReader(redis, settings.Keys.Events, Group,
            $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}", TimeSpan.FromSeconds(30), "$");
        var ready = false;
        var nextTrim = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!ready)
                {
                    await reader.EnsureGroupAsync(stoppingToken);
                    ready = true;
                }

                var batch = await reader.NextAsync(200, stoppingToken);
                foreach (var entry in batch)
                {
                    await redis.StreamAddAsync(settings.Options.MetricsStream, ToMetricsEntry(entry, settings.Keys.FleetId),
                        maxLength: MetricsStreamMaxLength, useApproximateMaxLength: true, cancellationToken: stoppingToken);
                }

                await reader.AcknowledgeAsync(batch, stoppingToken);
                if (DateTime.UtcNow >= nextTrim)
                {
                    nextTrim = DateTime.UtcNow + TrimInterval;
                    var oldest = DateTimeOffset.UtcNow.Subtract(Retention).ToUnixTimeMilliseconds();
                    await redis.ExecuteAsync("XTRIM",
                        [settings.Keys.Events.ToString(), "MINID", "~", oldest.ToString(CultureInfo.InvariantCulture)], stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Metrics forwarder: Redis step failed; retrying");
                reader.Rewind();
                ready = false;
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }

    /// <summary>The metrics stream's format: flat fields plus the details as JSON.</summary>
    public static NameValueEntry[] ToMetricsEntry(StreamEntry entry, string fleetId)
    {
        var budgetEvent = BudgetEventStreamEntry.Parse(entry);
        object? details = (object?)budgetEvent.Threshold ?? (object?)budgetEvent.Denial ?? (object?)budgetEvent.Reallocation ?? budgetEvent.Reservation;
        return
        [
            new("source", "budget"),
            new("fleet", fleetId),
            new("type", EventTypeName(budgetEvent.Type)),
            new("event_id", budgetEvent.EventId),
            new("time_ms", budgetEvent.Time.ToUnixTimeMilliseconds()),
            new("agent_id", budgetEvent.AgentId),
            new("tier", budgetEvent.Tier == Domain.Tier.Unspecified ? string.Empty : "TIER_" + budgetEvent.Tier.ToString().ToUpperInvariant()),
            new("details", details is null ? "{}" : JsonSerializer.Serialize(details, details.GetType(), BudgetEventStreamEntry.Json)),
        ];
    }

    private static string EventTypeName(BudgetEventType type) => type switch
    {
        BudgetEventType.ThresholdWarning => "THRESHOLD_WARNING",
        BudgetEventType.LimitReached => "LIMIT_REACHED",
        BudgetEventType.Denial => "DENIAL",
        BudgetEventType.Reallocation => "REALLOCATION",
        BudgetEventType.Borrow => "BORROW",
        BudgetEventType.Overage => "OVERAGE",
        BudgetEventType.ReservationExpired => "RESERVATION_EXPIRED",
        BudgetEventType.AgentChanged => "AGENT_CHANGED",
        BudgetEventType.FleetBudgetChanged => "FLEET_BUDGET_CHANGED",
        _ => "UNSPECIFIED",
    };
}
