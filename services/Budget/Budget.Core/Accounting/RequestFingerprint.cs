using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Budget.Accounting;

/// <summary>
/// A short hash of everything a Reserve asks for, stored with its idempotency key: a repeat with
/// the same key must be the same request, else ALREADY_EXISTS.
/// </summary>
public static class RequestFingerprint
{
    public static string Of(ReserveCommand command)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{command.AgentId}\n{command.EstimatedInputTokens}\n{command.MaxOutputTokens}\n{command.Price?.InputMicrosPerMTok}\n{command.Price?.OutputMicrosPerMTok}\n{command.Model}\n{command.Ttl?.Ticks}\n{(int)command.TierOverride}\n{command.RequestId}\n{command.TaskId}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
    }
}
