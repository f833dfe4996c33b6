using System.Text.Json.Serialization;

namespace Platform.LlmSimulator.Stats;

/// <summary>One model's counters as served by <c>GET /control/stats</c> (snake_case on the wire).</summary>
public sealed class ModelStatsSnapshot
{
    public long Requests { get; set; }
    public long InFlight { get; set; }
    public long MaxInFlight { get; set; }
    public long Streams { get; set; }

    /// <summary>Hangs injected (each also ends as an outcome: usually cancelled).</summary>
    public long Hangs { get; set; }

    public OutcomeCounts Outcomes { get; set; } = new();
    public SortedDictionary<string, long> StatusCodes { get; set; } = new(StringComparer.Ordinal);
    public long PromptTokens { get; set; }
    public long CompletionTokens { get; set; }
    public List<MinuteCount> PerMinute { get; set; } = [];
    [JsonPropertyName("requests_last_60s")]
    public long RequestsLast60Seconds { get; set; }
    /// <summary>The most requests received in any 60 consecutive seconds of the last ten minutes (an RPM check that ignores minute boundaries).</summary>
    [JsonPropertyName("peak_requests_in_any_60s")]
    public long PeakRequestsInAny60Seconds { get; set; }
}
