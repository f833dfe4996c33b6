using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Metrics.Reports;

/// <summary>
/// Opaque page tokens: an offset bound to the request's filters, so a token used with other filters, or
/// garbled, is rejected rather than silently paging something else.
/// </summary>
public static class PageToken
{
    public static string Encode(int offset, string fingerprint) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"v1:{offset}:{fingerprint}"));

    /// <summary>0 for an empty token; the offset of a valid one; else <see cref="ReportArgumentException"/>.</summary>
    public static int Decode(string token, string fingerprint)
    {
        if (string.IsNullOrEmpty(token))
            return 0;

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw new ReportArgumentException("page_token is not a token this service issued");
        }

        var parts = text.Split(':');
        if (parts.Length != 3 || parts[0] != "v1" || !int.TryParse(parts[1], out var offset) || offset < 0)
            throw new ReportArgumentException("page_token is not a token this service issued");
        if (parts[2] != fingerprint)
            throw new ReportArgumentException("page_token was issued for a request with different filters");
        return offset;
    }

    /// <summary>A short digest of the request fields that must not change between pages.</summary>
    public static string Fingerprint(params IEnumerable<string?>[] parts)
    {
        var text = string.Join("\u001f", parts.Select(p => string.Join("\u001e", p)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }

    /// <summary>0 means <paramref name="defaultSize"/>; above 1000 means 1000; negative is invalid.</summary>
    public static int ResolvePageSize(int pageSize, int defaultSize)
    {
        if (pageSize < 0)
            throw new ReportArgumentException("page_size must not be negative");
        return pageSize == 0 ? defaultSize : Math.Min(pageSize, 1000);
    }
}
