using System.Globalization;

namespace Grpc.Core.Wire;

/// <summary>
/// The grpc-timeout header: at most 8 ASCII digits followed by a unit
/// (H hours, M minutes, S seconds, m milliseconds, u microseconds, n nanoseconds).
/// </summary>
internal static class GrpcTimeout
{
    public const int MaxDigits = 8;
    public const long MaxValue = 99_999_999;

    // Largest first: formatting prefers the coarsest unit that represents the value exactly.
    private static readonly (char Unit, long Ticks)[] Units =
    [
        ('H', TimeSpan.TicksPerHour),
        ('M', TimeSpan.TicksPerMinute),
        ('S', TimeSpan.TicksPerSecond),
        ('m', TimeSpan.TicksPerMillisecond),
        ('u', TimeSpan.TicksPerMicrosecond),
    ];

    public static bool TryParse(ReadOnlySpan<char> value, out TimeSpan timeout)
    {
        timeout = default;
        if (value.Length < 2 || value.Length > MaxDigits + 1)
        {
            return false;
        }

        var digits = value[..^1];
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var amount = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        long? ticks = value[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * TimeSpan.TicksPerMicrosecond,
            'n' => amount / TimeSpan.NanosecondsPerTick,
            _ => null,
        };

        if (ticks is null)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }

    public static string Format(TimeSpan timeout)
    {
        Span<char> buffer = stackalloc char[MaxDigits + 1];
        TryFormat(timeout, buffer, out var written);
        return new string(buffer[..written]);
    }

    /// <summary>Formats a timeout; negative values become "0n" and values too long for 8 digits of hours are capped.</summary>
    public static bool TryFormat(TimeSpan timeout, Span<char> destination, out int charsWritten)
    {
        var ticks = Math.Max(timeout.Ticks, 0);
        var (amount, unit) = Choose(ticks);
        if (!amount.TryFormat(destination, out charsWritten, default, CultureInfo.InvariantCulture)
            || charsWritten >= destination.Length)
        {
            charsWritten = 0;
            return false;
        }

        destination[charsWritten++] = unit;
        return true;
    }

    private static (long Amount, char Unit) Choose(long ticks)
    {
        if (ticks == 0)
        {
            return (0, 'n');
        }

        foreach (var (unit, unitTicks) in Units)
        {
            if (ticks % unitTicks == 0 && ticks / unitTicks <= MaxValue)
            {
                return (ticks / unitTicks, unit);
            }
        }

        if (ticks <= MaxValue / TimeSpan.NanosecondsPerTick)
        {
            return (ticks * TimeSpan.NanosecondsPerTick, 'n');
        }

        // Not exact in any unit that fits: round up in the finest unit that fits, so the peer never gets less time.
        for (var i = Units.Length - 1; i >= 0; i--)
        {
            var (unit, unitTicks) = Units[i];
            var amount = (ticks / unitTicks) + (ticks % unitTicks == 0 ? 0 : 1);
            if (amount <= MaxValue)
            {
                return (amount, unit);
            }
        }

        return (MaxValue, 'H');
    }
}
