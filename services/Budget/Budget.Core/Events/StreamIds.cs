using System.Globalization;

namespace Platform.Budget.Events;

/// <summary>Redis stream ids ("ms-seq"): parsing and ordering.</summary>
public static class StreamIds
{
    public static bool TryParse(string? id, out (long Ms, long Seq) parsed)
    {
        parsed = default;
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        var dash = id.IndexOf('-');
        if (dash <= 0 ||
            !long.TryParse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ||
            !long.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return false;
        }

        parsed = (ms, seq);
        return true;
    }

    public static int Compare((long Ms, long Seq) left, (long Ms, long Seq) right) =>
        left.Ms != right.Ms ? left.Ms.CompareTo(right.Ms) : left.Seq.CompareTo(right.Seq);
}
