using Microsoft.AspNetCore.Http;

namespace Platform.LlmSimulator.Completions;

/// <summary>Checks <c>Authorization: Bearer &lt;key&gt;</c> when a key is configured.</summary>
public static class ApiKeyCheck
{
    public static bool IsAuthorized(HttpContext http, string? requiredKey, out bool keyGiven)
    {
        var header = http.Request.Headers.Authorization.ToString();
        keyGiven = header.Length > 0;
        if (string.IsNullOrEmpty(requiredKey))
        {
            return true;
        }
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && header.AsSpan(scheme.Length).Trim().SequenceEqual(requiredKey);
    }
}
