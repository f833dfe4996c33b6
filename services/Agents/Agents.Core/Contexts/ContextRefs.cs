using System.Security.Cryptography;
using System.Text;

namespace Platform.Agents.Contexts;

/// <summary>Content-addressed refs of shared context: <c>sha256:</c> + lowercase hex SHA-256 of the UTF-8 content.</summary>
public static class ContextRefs
{
    public const string Prefix = "sha256:";

    public static string Of(string content) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    public static bool IsWellFormed(string reference)
    {
        if (reference.Length != Prefix.Length + 64 || !reference.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        foreach (var c in reference.AsSpan(Prefix.Length))
        {
            if (!char.IsAsciiDigit(c) && c is < 'a' or > 'f')
                return false;
        }
        return true;
    }

    /// <summary>The hex part, used in Redis keys.</summary>
    public static string Hex(string reference) => reference[Prefix.Length..];
}
