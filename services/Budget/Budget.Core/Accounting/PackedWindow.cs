using System.Globalization;

namespace Platform.Budget.Accounting;

/// <summary>
/// One window's counters as the scripts store them: "tu,tr,cu,cr,b,l,ra,w,n,dn,to,co" (tokens used,
/// reserved; micro-dollars used, reserved; borrowed, lent, reallocated; warning flags; grants;
/// denials; token and micro-dollar overage).
/// </summary>
public static class PackedWindow
{
    public static readonly string[] Fields = ["tu", "tr", "cu", "cr", "b", "l", "ra", "w", "n", "dn", "to", "co"];

    public static long[] Parse(string? packed)
    {
        var values = new long[Fields.Length];
        if (string.IsNullOrEmpty(packed))
        {
            return values;
        }

        var i = 0;
        foreach (var part in packed.Split(','))
        {
            if (i < values.Length)
            {
                values[i++] = long.Parse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            }
        }

        return values;
    }

    public static int IndexOf(string field)
    {
        var index = Array.IndexOf(Fields, field);
        return index >= 0 ? index : throw new ArgumentException($"'{field}' is not a window counter; use one of {string.Join(", ", Fields)}.", nameof(field));
    }

    /// <summary>The day-hash field of an agent's (or the fleet's, "*") hour window.</summary>
    public static string HourField(string agentId, long hourIndex) => agentId + "@" + hourIndex.ToString(CultureInfo.InvariantCulture);
}
