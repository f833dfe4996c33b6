namespace Platform.Redis;

/// <summary>Reads <c>redis://[user:password@]host[:port][/database]</c> (and <c>rediss://</c> for TLS).</summary>
internal static class RedisUriParser
{
    public static RedisConnectionOptions Parse(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new ArgumentException($"'{text}' is not a valid redis:// URI.");
        }

        var options = new RedisConnectionOptions
        {
            Host = uri.Host.Trim('[', ']'),
            Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase),
        };
        options.Port = uri.IsDefaultPort || uri.Port < 0 ? (options.Ssl ? 6380 : 6379) : uri.Port;

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            var user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            var password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            options.User = user.Length == 0 ? null : user;
            options.Password = password;
        }

        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0)
        {
            options.DefaultDatabase = int.TryParse(path, out var database) && database >= 0
                ? database
                : throw new ArgumentException($"The redis:// URI path '{path}' is not a database number.");
        }

        return options;
    }
}
