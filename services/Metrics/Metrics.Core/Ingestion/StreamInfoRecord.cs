using Platform.Redis;

namespace Platform.Metrics.Ingestion;

/// <summary>One line of XINFO GROUPS / XINFO CONSUMERS, read from its flat field-value reply.</summary>
internal sealed class StreamInfoRecord(IReadOnlyDictionary<string, RedisResult> fields)
{
    public static async Task<IReadOnlyList<StreamInfoRecord>> ReadAsync(IRedisDatabase redis, params RedisValue[] arguments)
    {
        var reply = await redis.ExecuteAsync("XINFO", arguments);
        return reply.ToArray().Select(Parse).ToList();
    }

    public string Text(string field) => fields.TryGetValue(field, out var value) ? (string?)value ?? "" : "";

    public long Number(string field) =>
        fields.TryGetValue(field, out var value) && !value.IsNull && value.AsValue().TryParse(out long number) ? number : 0;

    public bool Has(string field) => fields.TryGetValue(field, out var value) && !value.IsNull;

    private static StreamInfoRecord Parse(RedisResult record)
    {
        var items = record.ToArray();
        var fields = new Dictionary<string, RedisResult>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < items.Length; i += 2)
            fields[(string?)items[i] ?? ""] = items[i + 1];
        return new StreamInfoRecord(fields);
    }
}
