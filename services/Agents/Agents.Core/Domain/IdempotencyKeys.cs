namespace Platform.Agents.Domain;

/// <summary>Caller-chosen idempotency keys: 1-128 printable ASCII characters (empty means none).</summary>
public static class IdempotencyKeys
{
    public const int MaxLength = 128;

    public static void Validate(string key, string field = "idempotency_key")
    {
        if (key.Length == 0)
            return;
        if (key.Length > MaxLength)
            throw AgentsException.Invalid(field, $"{field} is {key.Length} characters long; at most {MaxLength} are allowed.");
        foreach (var c in key)
        {
            if (c < 0x20 || c > 0x7e)
                throw AgentsException.Invalid(field, $"{field} must be printable ASCII (0x20-0x7E).");
        }
    }
}
