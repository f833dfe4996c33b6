using System.Globalization;

namespace Platform.Redis;

/// <summary>
/// Reads StackExchange.Redis-style connection strings: one endpoint plus comma-separated
/// <c>name=value</c> options (names are case-insensitive). A <c>redis://</c> or <c>rediss://</c> URI is
/// accepted too. Anything unknown or malformed is an <see cref="ArgumentException"/> naming it.
/// </summary>
internal static class ConnectionStringParser
{
    private const int DefaultPort = 6379;
    private const int DefaultTlsPort = 6380;

    public static RedisConnectionOptions Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("The Redis connection string is empty.", nameof(connectionString));
        }

        var trimmed = connectionString.Trim();
        if (trimmed.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) ||
            trimmed.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            return RedisUriParser.Parse(trimmed);
        }

        var options = new RedisConnectionOptions();
        string? endpoint = null;
        bool? portGiven = null;
        foreach (var rawPart in trimmed.Split(','))
        {
            var part = rawPart.Trim();
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=');
            if (equals < 0)
            {
                if (endpoint is not null)
                {
                    throw new ArgumentException(
                        $"The Redis connection string names more than one endpoint ('{endpoint}' and '{part}'); only one server is supported.",
                        nameof(connectionString));
                }

                endpoint = part;
                portGiven = ApplyEndpoint(options, part);
                continue;
            }

            ApplyOption(options, part[..equals].Trim(), part[(equals + 1)..].Trim());
        }

        if (endpoint is null)
        {
            throw new ArgumentException("The Redis connection string has no host:port endpoint.", nameof(connectionString));
        }

        if (portGiven == false && options.Ssl)
        {
            options.Port = DefaultTlsPort;
        }

        return options;
    }

    /// <summary>Sets host and port; returns whether a port was given.</summary>
    internal static bool ApplyEndpoint(RedisConnectionOptions options, string endpoint)
    {
        string host;
        string? port = null;
        if (endpoint.StartsWith('['))
        {
            var close = endpoint.IndexOf(']');
            if (close < 0)
            {
                throw new ArgumentException($"The Redis endpoint '{endpoint}' has an unterminated IPv6 address.");
            }

            host = endpoint[1..close];
            if (close + 1 < endpoint.Length)
            {
                port = endpoint[(close + 1)..].TrimStart(':');
            }
        }
        else
        {
            var colon = endpoint.LastIndexOf(':');
            host = colon < 0 ? endpoint : endpoint[..colon];
            port = colon < 0 ? null : endpoint[(colon + 1)..];
        }

        if (host.Length == 0)
        {
            throw new ArgumentException($"The Redis endpoint '{endpoint}' has no host.");
        }

        options.Host = host;
        if (port is null)
        {
            options.Port = DefaultPort;
            return false;
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            throw new ArgumentException($"The Redis endpoint '{endpoint}' has an invalid port '{port}'.");
        }

        options.Port = number;
        return true;
    }

    private static void ApplyOption(RedisConnectionOptions options, string name, string value)
    {
        switch (name.ToLowerInvariant())
        {
            case "password":
                options.Password = value;
                break;
            case "user":
                options.User = value;
                break;
            case "ssl":
                options.Ssl = ParseBool(name, value);
                break;
            case "sslhost":
                options.SslHost = value;
                break;
            case "abortconnect":
                options.AbortOnConnectFail = ParseBool(name, value);
                break;
            case "connectretry":
                options.ConnectRetry = ParseInt(name, value, min: 1);
                break;
            case "connecttimeout":
                options.ConnectTimeout = TimeSpan.FromMilliseconds(ParseInt(name, value, min: 1));
                break;
            case "synctimeout" or "asynctimeout":
                // Every call here is asynchronous, so both name the one command timeout.
                options.CommandTimeout = TimeSpan.FromMilliseconds(ParseInt(name, value, min: 1));
                break;
            case "defaultdatabase":
                options.DefaultDatabase = ParseInt(name, value, min: 0);
                break;
            case "name":
                options.ClientName = value;
                break;
            case "keepalive":
                var seconds = ParseInt(name, value, min: -1);
                options.KeepAlive = seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
                break;
            case "allowadmin":
                options.AllowAdmin = ParseBool(name, value);
                break;
            default:
                throw new ArgumentException(
                    $"Unknown Redis connection string option '{name}'. Supported: password, user, ssl, sslHost, abortConnect, " +
                    "connectRetry, connectTimeout, syncTimeout, asyncTimeout, defaultDatabase, name, keepAlive, allowAdmin.");
        }
    }

    private static bool ParseBool(string name, string value) => bool.TryParse(value, out var result)
        ? result
        : throw new ArgumentException($"Redis connection string option '{name}' must be true or false, not '{value}'.");

    private static int ParseInt(string name, string value, int min) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result) && result >= min
            ? result
            : throw new ArgumentException($"Redis connection string option '{name}' must be an integer >= {min}, not '{value}'.");
}
