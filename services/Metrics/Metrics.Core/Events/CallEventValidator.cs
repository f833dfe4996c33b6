using System.Buffers;
using Platform.Metrics.V1;

namespace Platform.Metrics.Events;

/// <summary>The rules a call event must meet to be stored; the reason names the first broken one.</summary>
public static class CallEventValidator
{
    public const int MaxIdLength = 128;
    public const int MaxLabelLength = 256;
    public const int MaxTextLength = 2048;

    /// <summary>Events may be stamped a little ahead of our clock (producer clock skew), not more.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    // Event ids and agent ids are caller-chosen ids (protos/README.md: printable, no spaces).
    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    /// <summary>Null when <paramref name="callEvent"/> can be stored, else why not.</summary>
    public static string? Validate(CallEvent callEvent, DateTime utcNow)
    {
        if (callEvent.EventId.Length == 0)
            return "event_id is required";
        if (callEvent.EventId.Length > MaxIdLength)
            return $"event_id is longer than {MaxIdLength} characters";
        if (callEvent.EventId.AsSpan().ContainsAnyExcept(IdCharacters))
            return "event_id may contain only letters, digits and . _ : -";
        if (callEvent.EventTime is null)
            return "event_time is required";
        if (!IsRepresentable(callEvent.EventTime))
            return "event_time is not a valid timestamp";
        if (callEvent.EventTime.ToDateTime() > utcNow + MaxClockSkew)
            return "event_time is more than 5 minutes in the future";
        if (callEvent.Status == CallStatus.Unspecified)
            return "status is CALL_STATUS_UNSPECIFIED";
        if (!Enum.IsDefined(callEvent.Status))
            return $"status {(int)callEvent.Status} is not a known CallStatus";
        if (callEvent.Model.Length == 0 && callEvent.Status != CallStatus.BudgetDenied)
            return "model is required unless status is CALL_STATUS_BUDGET_DENIED";
        if (callEvent.AgentId.Length == 0)
            return "agent_id is required";
        if (callEvent.AgentId.Length > MaxIdLength || callEvent.AgentId.AsSpan().ContainsAnyExcept(IdCharacters))
            return "agent_id must be 1-128 of [A-Za-z0-9._:-]";
        if (!Enum.IsDefined(callEvent.Tier))
            return $"tier {(int)callEvent.Tier} is not a known Tier";
        return ValidateLabels(callEvent) ?? ValidateMeasures(callEvent);
    }

    private static string? ValidateLabels(CallEvent e)
    {
        // PostgreSQL text cannot hold NUL; letting one through would wedge the stream on that entry.
        if (ContainsNul(e.Model, e.Provider, e.Team, e.Source, e.RequestId, e.TaskId, e.ErrorMessage))
            return "text fields must not contain NUL characters";
        if (e.Model.Length > MaxLabelLength)
            return $"model is longer than {MaxLabelLength} characters";
        if (e.Provider.Length > MaxLabelLength)
            return $"provider is longer than {MaxLabelLength} characters";
        if (e.Team.Length > MaxLabelLength)
            return $"team is longer than {MaxLabelLength} characters";
        if (e.Source.Length > MaxLabelLength)
            return $"source is longer than {MaxLabelLength} characters";
        if (e.RequestId.Length > MaxLabelLength || e.TaskId.Length > MaxLabelLength)
            return $"request_id and task_id must be at most {MaxLabelLength} characters";
        if (e.ErrorMessage.Length > MaxTextLength)
            return $"error_message is longer than {MaxTextLength} characters";
        return null;
    }

    private static string? ValidateMeasures(CallEvent e)
    {
        if (e.LatencyMs < 0)
            return "latency_ms is negative";
        if (e.TimeToFirstTokenMs < 0)
            return "time_to_first_token_ms is negative";
        if (e.InputTokens < 0)
            return "input_tokens is negative";
        if (e.OutputTokens < 0)
            return "output_tokens is negative";
        if (e.CachedInputTokens < 0)
            return "cached_input_tokens is negative";
        if (e.CostMicros < 0)
            return "cost_micros is negative";
        if (e.FallbackDepth < 0)
            return "fallback_depth is negative";
        if (e.AttemptCount < 0)
            return "attempt_count is negative";
        return null;
    }

    private static bool ContainsNul(params ReadOnlySpan<string> values)
    {
        foreach (var value in values)
        {
            if (value.Contains('\0'))
                return true;
        }

        return false;
    }

    // Timestamp.ToDateTime throws outside 0001-9999 or for nanos out of range; treat that as bad input.
    private static bool IsRepresentable(Google.Protobuf.WellKnownTypes.Timestamp timestamp) =>
        timestamp.Nanos is >= 0 and < 1_000_000_000
        && timestamp.Seconds is >= -62_135_596_800 and <= 253_402_300_799;
}
