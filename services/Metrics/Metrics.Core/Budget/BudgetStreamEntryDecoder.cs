using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Platform.Budget.V1;
using Platform.Common.V1;
using Platform.Redis;

namespace Platform.Metrics.Budget;

/// <summary>
/// Reads utilisation from a budget stream entry in either format the budget service may publish:
/// <list type="bullet">
/// <item>one field <c>event</c> holding <c>platform.budget.v1.BudgetEvent</c> protobuf bytes (the metrics streams' convention);</item>
/// <item>flat fields <c>type</c>, <c>event_id</c>, <c>time_ms</c>, <c>agent_id</c>, <c>tier</c> (enum value name) and
/// <c>details</c> (JSON, camelCase: window, thresholdPercent, utilisationPercent, limit, consumed, windowEndTime).</item>
/// </list>
/// Only THRESHOLD_WARNING and LIMIT_REACHED events of an agent carry utilisation; others yield null.
/// </summary>
public static class BudgetStreamEntryDecoder
{
    public static BudgetUtilisation? Decode(StreamEntry entry)
    {
        var payload = entry[Events.MetricsStreams.EventField];
        if (!payload.IsNull)
            return FromProtobuf(payload);
        if (!entry["type"].IsNull)
            return FromFlatFields(entry);
        throw new FormatException("neither an 'event' field nor a 'type' field");
    }

    private static BudgetUtilisation? FromProtobuf(RedisValue payload)
    {
        BudgetEvent budgetEvent;
        try
        {
            budgetEvent = BudgetEvent.Parser.ParseFrom(payload.AsMemory().Span);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new FormatException($"not a platform.budget.v1.BudgetEvent: {exception.Message}", exception);
        }

        if (budgetEvent.Type is not (BudgetEventType.ThresholdWarning or BudgetEventType.LimitReached)
            || budgetEvent.Threshold is not { } threshold || budgetEvent.AgentId.Length == 0 || budgetEvent.EventTime is null)
            return null;

        return new BudgetUtilisation(
            budgetEvent.AgentId, threshold.Window, budgetEvent.Tier, threshold.UtilisationPercent, threshold.ThresholdPercent,
            threshold.Limit, threshold.Consumed, threshold.WindowEndTime?.ToDateTime(), budgetEvent.EventTime.ToDateTime(),
            budgetEvent.EventId);
    }

    private static BudgetUtilisation? FromFlatFields(StreamEntry entry)
    {
        var type = (string?)entry["type"];
        var agent = (string?)entry["agent_id"] ?? "";
        if (type is not ("THRESHOLD_WARNING" or "LIMIT_REACHED") || agent.Length == 0)
            return null;

        var time = long.TryParse((string?)entry["time_ms"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTime.UnixEpoch.AddMilliseconds(ms)
            : throw new FormatException("time_ms is missing or not a number");
        var tier = Enum.TryParse<Tier>(((string?)entry["tier"] ?? "").Replace("TIER_", "", StringComparison.Ordinal), ignoreCase: true, out var t) ? t : Tier.Unspecified;

        JsonElement details;
        try
        {
            details = JsonDocument.Parse((string?)entry["details"] ?? "{}").RootElement;
        }
        catch (JsonException exception)
        {
            throw new FormatException($"details is not JSON: {exception.Message}", exception);
        }

        return new BudgetUtilisation(
            agent,
            Text(details, "window"),
            tier,
            Number(details, "utilisationPercent"),
            (int)Number(details, "thresholdPercent"),
            (long)Number(details, "limit"),
            (long)Number(details, "consumed"),
            details.TryGetProperty("windowEndTime", out var end) && end.ValueKind == JsonValueKind.String && end.TryGetDateTimeOffset(out var e)
                ? e.UtcDateTime : null,
            time,
            (string?)entry["event_id"] ?? entry.Id.ToString());
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static double Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
}
