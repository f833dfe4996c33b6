using System.Text;
using Platform.Routing.Completions;

namespace Platform.Routing.Catalog;

/// <summary>
/// Opaque page tokens (AIP-158): the last name of the previous page plus a fingerprint of the filters,
/// so a token reused with different filters, or garbled, is INVALID_ARGUMENT.
/// </summary>
public static class PageToken
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static int PageSize(int requested) => requested switch
    {
        < 0 => throw RoutingException.InvalidArgument("page_size must not be negative"),
        0 => DefaultPageSize,
        > MaxPageSize => MaxPageSize,
        _ => requested,
    };

    public static string Create(string lastName, string filters) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"v1\n{filters}\n{lastName}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The name to continue after, or "" for the first page.</summary>
    public static string After(string token, string filters)
    {
        if (token.Length == 0)
            return "";
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('\n');
            if (parts.Length == 3 && parts[0] == "v1" && parts[1] == filters)
                return parts[2];
        }
        catch (FormatException)
        {
        }
        throw RoutingException.InvalidArgument("page_token is invalid or was issued for different filters");
    }

    /// <summary>One page of <paramref name="ordered"/> (sorted by name) after the token's position.</summary>
    public static (IReadOnlyList<T> Page, string NextToken) Paginate<T>(IReadOnlyList<T> ordered, Func<T, string> name, int pageSize, string token, string filters)
    {
        var size = PageSize(pageSize);
        var after = After(token, filters);
        var page = ordered.Where(item => string.CompareOrdinal(name(item), after) > 0).Take(size + 1).ToList();
        if (page.Count <= size)
            return (page, "");
        page.RemoveAt(size);
        return (page, Create(name(page[^1]), filters));
    }
}
