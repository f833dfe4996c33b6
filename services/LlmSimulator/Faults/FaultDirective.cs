using System.Globalization;

namespace Platform.LlmSimulator.Faults;

/// <summary>
/// Parses a fault written as <c>kind[:argument]</c>: <c>rate_limited[:retry-after-seconds]</c>,
/// <c>server_error[:status]</c>, <c>hang[:seconds]</c>, <c>drop_connection</c>, <c>none</c>.
/// Used by the <c>x-sim-fault</c> request header.
/// </summary>
public static class FaultDirective
{
    public const string HeaderName = "x-sim-fault";

    public static bool TryParse(string? text, out FaultAction action)
    {
        action = FaultAction.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var colon = text.IndexOf(':');
        var kind = (colon < 0 ? text : text[..colon]).Trim();
        double? argument = null;
        if (colon >= 0)
        {
            if (!double.TryParse(text.AsSpan(colon + 1).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                return false;
            }
            argument = value;
        }

        switch (FaultKindNames.Parse(kind))
        {
            case FaultKind.None:
                return kind.Equals("none", StringComparison.OrdinalIgnoreCase);
            case FaultKind.RateLimited:
                action = FaultAction.RateLimited(argument ?? FaultShares.DefaultRetryAfterSeconds);
                return true;
            case FaultKind.ServerError:
                var code = (int)(argument ?? 500);
                if (code is < 500 or > 599)
                {
                    return false;
                }
                action = FaultAction.ServerError(code);
                return true;
            case FaultKind.Hang:
                action = FaultAction.Hang(argument ?? FaultShares.DefaultHangSeconds);
                return true;
            case FaultKind.DropConnection:
                action = FaultAction.Drop();
                return true;
            default:
                return false;
        }
    }
}
