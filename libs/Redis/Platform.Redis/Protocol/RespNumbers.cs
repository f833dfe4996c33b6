using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Platform.Redis;

/// <summary>Numbers in the spellings Redis uses on the wire (<c>inf</c>, <c>-inf</c>, shortest round-trip doubles).</summary>
internal static class RespNumbers
{
    public static string FormatDouble(double value) => value switch
    {
        double.PositiveInfinity => "+inf",
        double.NegativeInfinity => "-inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static int FormatDouble(double value, Span<byte> destination)
    {
        if (double.IsPositiveInfinity(value))
        {
            "+inf"u8.CopyTo(destination);
            return 4;
        }

        if (double.IsNegativeInfinity(value))
        {
            "-inf"u8.CopyTo(destination);
            return 4;
        }

        if (!value.TryFormat(destination, out var written, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A double did not fit its formatting buffer.");
        }

        return written;
    }

    public static bool TryParseDouble(ReadOnlySpan<byte> text, out double value)
    {
        if (Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length)
        {
            return true;
        }

        return TryParseSpecial(Encoding.ASCII.GetString(text), out value);
    }

    public static bool TryParseDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || TryParseSpecial(text, out value);

    private static bool TryParseSpecial(string text, out double value)
    {
        switch (text.ToLowerInvariant())
        {
            case "inf" or "+inf" or "infinity" or "+infinity":
                value = double.PositiveInfinity;
                return true;
            case "-inf" or "-infinity":
                value = double.NegativeInfinity;
                return true;
            case "nan":
                value = double.NaN;
                return true;
            default:
                value = 0;
                return false;
        }
    }
}
