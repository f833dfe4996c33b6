namespace Platform.Metrics.Events;

/// <summary>
/// The Redis streams the metrics service consumes. Producers follow services/Metrics/README.md:
/// XADD to the key with one field, <see cref="EventField"/>, holding the protobuf bytes of the event.
/// </summary>
public static class MetricsStreams
{
    /// <summary>Call events: <c>platform.metrics.v1.CallEvent</c> bytes.</summary>
    public const string CallEvents = "metrics:calls";

    /// <summary>Where entries that can never be stored go (unparseable or invalid), with the reason.</summary>
    public const string CallEventsDeadLetter = "metrics:calls:dead";

    /// <summary>
    /// Budget events, published by the budget service (which owns the key and format; configuration
    /// <c>Metrics:Ingestion:BudgetStream</c> names another key). Accepted formats: see <see cref="Budget.BudgetStreamEntryDecoder"/>.
    /// </summary>
    public const string BudgetEvents = "metrics:events";

    /// <summary>The one field of every entry.</summary>
    public const string EventField = "event";

    /// <summary>The consumer group every metrics replica joins (each replica is one consumer).</summary>
    public const string ConsumerGroup = "metrics";
}
