using System.Runtime.CompilerServices;
using Platform.Budget.Domain;
using Platform.Budget.Hosting;
using Platform.Budget.Registry;
using Platform.Redis;

namespace Platform.Budget.Events;

/// <summary>
/// WatchEvents: live events from this replica's hub, optionally preceded by the retained history
/// after a resume cursor (read with XRANGE, then joined to the live feed without gaps or repeats).
/// </summary>
public sealed class EventFeed(IRedisDatabase redis, BudgetSettings settings, EventHub hub, AgentDirectory directory)
{
    private const int PageSize = 500;

    public async IAsyncEnumerable<BudgetEvent> WatchAsync(EventFilter filter, string? startAfterEventId,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        filter.Validate();
        (long Ms, long Seq)? cursor = null;
        if (!string.IsNullOrEmpty(startAfterEventId))
        {
            if (!StreamIds.TryParse(startAfterEventId, out var parsed))
            {
                throw BudgetErrors.Invalid($"start_after_event_id '{startAfterEventId}' is not an event id; pass the event_id of an event you received.");
            }

            cursor = parsed;
        }

        await hub.Ready.WaitAsync(cancellationToken);
        using var subscription = hub.Subscribe();
        var last = cursor ?? (0, 0);
        if (cursor is not null)
        {
            await EnsureRetainedAsync(cursor.Value, cancellationToken);
            RedisValue position = "(" + startAfterEventId;
            while (true)
            {
                var page = await redis.StreamRangeAsync(settings.Keys.Events, position, "+", PageSize, cancellationToken: cancellationToken);
                foreach (var entry in page)
                {
                    var budgetEvent = BudgetEventStreamEntry.Parse(entry);
                    StreamIds.TryParse(budgetEvent.EventId, out last);
                    if (filter.Matches(budgetEvent))
                    {
                        yield return Enrich(budgetEvent);
                    }
                }

                if (page.Length < PageSize)
                {
                    break;
                }

                position = "(" + (string)page[^1].Id!;
            }
        }

        while (await WaitAsync(subscription, cancellationToken))
        {
            while (subscription.Reader.TryRead(out var budgetEvent))
            {
                if (cursor is not null && StreamIds.TryParse(budgetEvent.EventId, out var id) && StreamIds.Compare(id, last) <= 0)
                {
                    continue;
                }

                if (filter.Matches(budgetEvent))
                {
                    yield return Enrich(budgetEvent);
                }
            }
        }
    }

    private static async Task<bool> WaitAsync(EventHub.Subscription subscription, CancellationToken cancellationToken)
    {
        try
        {
            return await subscription.Reader.WaitToReadAsync(cancellationToken);
        }
        catch (SubscriberTooSlowException exception)
        {
            throw new BudgetException(BudgetErrorKind.ResourceExhausted, exception.Message, "WATCHER_TOO_SLOW");
        }
    }

    /// <summary>
    /// OUT_OF_RANGE when events after the cursor may have been trimmed away. Events are only ever
    /// trimmed from the head (MAXLEN/MINID, never XDEL), so history was cut iff entries-added exceeds
    /// the length, and then everything before the first retained entry is gone.
    /// </summary>
    private async Task EnsureRetainedAsync((long Ms, long Seq) cursor, CancellationToken cancellationToken)
    {
        var info = await redis.ExecuteAsync("XINFO", ["STREAM", settings.Keys.Events.ToString()], cancellationToken);
        var fields = info.ToArray();
        long length = 0, added = 0;
        (long Ms, long Seq) first = default, lastGenerated = default;
        var hasFirst = false;
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            var value = fields[i + 1];
            switch ((string?)fields[i])
            {
                case "length":
                    length = (long)value;
                    break;
                case "entries-added":
                    added = (long)value;
                    break;
                case "last-generated-id":
                    StreamIds.TryParse((string?)value, out lastGenerated);
                    break;
                case "first-entry" when !value.IsNull && value.Length > 0:
                    hasFirst = StreamIds.TryParse((string?)value[0], out first);
                    break;
            }
        }

        var trimmed = added > length;
        var lost = trimmed && (hasFirst ? StreamIds.Compare(cursor, first) < 0 : StreamIds.Compare(cursor, lastGenerated) < 0);
        if (lost)
        {
            throw new BudgetException(BudgetErrorKind.OutOfRange,
                "start_after_event_id is older than the retained event history (24 hours, or the newest 100,000 events); watch again without a cursor.",
                "CURSOR_EXPIRED");
        }
    }

    private BudgetEvent Enrich(BudgetEvent budgetEvent) =>
        budgetEvent.Type == BudgetEventType.AgentChanged && directory.Current.Agents.TryGetValue(budgetEvent.AgentId, out var agent)
            ? budgetEvent with { Agent = agent, Tier = agent.Spec.Tier }
            : budgetEvent;
}
