using System.Globalization;

namespace Platform.Budget.Accounting;

/// <summary>
/// Reservation ids carry their grant hour ("r&lt;hour hex&gt;-&lt;random&gt;") so Commit, Release and
/// Extend can declare the grant window's keys before running. Opaque to callers.
/// </summary>
public static class ReservationIds
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string New(long hourIndex)
    {
        Span<byte> random = stackalloc byte[16];
        Random.Shared.NextBytes(random);
        Span<char> suffix = stackalloc char[16];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = Alphabet[random[i] & 31];
        }

        return string.Create(CultureInfo.InvariantCulture, $"r{hourIndex:x}-{suffix}");
    }

    public static bool TryParseHour(string reservationId, out long hourIndex)
    {
        hourIndex = 0;
        var dash = reservationId.IndexOf('-');
        return reservationId.Length > 2 && reservationId[0] == 'r' && dash > 1 &&
               long.TryParse(reservationId.AsSpan(1, dash - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out hourIndex);
    }
}
