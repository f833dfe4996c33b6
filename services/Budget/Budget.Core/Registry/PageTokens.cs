using System.Security.Cryptography;
using System.Text;
using Platform.Budget.Domain;

namespace Platform.Budget.Registry;

/// <summary>
/// Opaque page tokens bound to the filters they were issued for: "&lt;filters hash&gt;|&lt;cursor&gt;" in
/// base64url. A token from other filters, or a garbled one, is INVALID_ARGUMENT.
/// </summary>
public static class PageTokens
{
    public static string Issue(string filters, string cursor) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Hash(filters) + "|" + cursor)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The cursor of <paramref name="token"/>, or "" for the first page.</summary>
    public static string Read(string? token, string filters)
    {
        if (string.IsNullOrEmpty(token))
        {
            return string.Empty;
        }

        string text;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
        }
        catch (FormatException)
        {
            throw BudgetErrors.Invalid("page_token is not a token this service issued; pass next_page_token unchanged, or empty for the first page.");
        }

        var bar = text.IndexOf('|');
        if (bar < 0 || text[..bar] != Hash(filters))
        {
            throw BudgetErrors.Invalid("page_token was issued for different filters; keep the filters unchanged between pages or start again.");
        }

        return text[(bar + 1)..];
    }

    /// <summary>0 means the default; above 1000 is 1000; negative is INVALID_ARGUMENT.</summary>
    public static int PageSize(int requested, int fallback)
    {
        if (requested < 0)
        {
            throw BudgetErrors.Invalid($"page_size must be >= 0 (0 = default {fallback}); got {requested}.");
        }

        return requested == 0 ? fallback : Math.Min(requested, 1000);
    }

    private static string Hash(string filters) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(filters)).AsSpan(0, 6));
}
