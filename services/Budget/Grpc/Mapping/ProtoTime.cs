using Google.Protobuf.WellKnownTypes;
using Platform.Budget.Domain;

namespace Platform.Budget.Grpc.Mapping;

/// <summary>Timestamps and durations between the contract and the domain; a malformed one names its field.</summary>
internal static class ProtoTime
{
    public static TimeSpan? ToTimeSpan(Duration? duration, string field)
    {
        if (duration is null)
        {
            return null;
        }

        if (duration.Nanos is <= -1_000_000_000 or >= 1_000_000_000 || (duration.Seconds > 0 && duration.Nanos < 0) ||
            (duration.Seconds < 0 && duration.Nanos > 0) || Math.Abs(duration.Seconds) > 315_576_000_000)
        {
            throw BudgetErrors.Invalid($"{field} is not a valid google.protobuf.Duration (seconds {duration.Seconds}, nanos {duration.Nanos}).");
        }

        return duration.ToTimeSpan();
    }

    public static DateTimeOffset? ToDateTimeOffset(Timestamp? timestamp, string field)
    {
        if (timestamp is null)
        {
            return null;
        }

        if (timestamp.Nanos is < 0 or >= 1_000_000_000 || timestamp.Seconds < -62_135_596_800 || timestamp.Seconds > 253_402_300_799)
        {
            throw BudgetErrors.Invalid($"{field} is not a valid google.protobuf.Timestamp (seconds {timestamp.Seconds}, nanos {timestamp.Nanos}).");
        }

        return timestamp.ToDateTimeOffset();
    }

    public static Timestamp ToTimestamp(DateTimeOffset value) => Timestamp.FromDateTimeOffset(value);

    public static Duration ToDuration(TimeSpan value) => Duration.FromTimeSpan(value);
}
