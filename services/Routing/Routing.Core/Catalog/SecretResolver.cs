using Microsoft.Extensions.Configuration;

namespace Platform.Routing.Catalog;

/// <summary>
/// Resolves an API key secret NAME (e.g. "openai-api-key") to its value, from, in order:
/// <c>Routing:Secrets:&lt;name&gt;</c>, the environment-style key <c>ROUTING_APIKEY_&lt;NAME&gt;</c>, and
/// <c>&lt;NAME&gt;</c> (upper case, non-alphanumerics as '_', so "openai-api-key" finds OPENAI_API_KEY as
/// the AppHost injects it). Values are never logged or returned by any API.
/// </summary>
public sealed class SecretResolver(IConfiguration configuration)
{
    public string? Resolve(string secretName)
    {
        if (string.IsNullOrEmpty(secretName))
            return null;
        var normalized = Normalize(secretName);
        return NonEmpty(configuration[$"Routing:Secrets:{secretName}"])
            ?? NonEmpty(configuration[$"ROUTING_APIKEY_{normalized}"])
            ?? NonEmpty(configuration[normalized]);
    }

    public static string Normalize(string secretName) =>
        string.Concat(secretName.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_'));

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
