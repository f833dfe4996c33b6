using Platform.Budget.Domain;

namespace Platform.Budget.Accounting;

/// <summary>Settles a reservation with the provider's actual usage.</summary>
public sealed record CommitCommand
{
    public required string ReservationId { get; init; }

    /// <summary>False when the request carried no usage at all (it is required).</summary>
    public bool HasUsage { get; init; } = true;

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    /// <summary>Null = computed from the usage and the reserved prices.</summary>
    public long? CostMicros { get; init; }

    /// <summary>The model that actually served the call when it differs from the reserved one.</summary>
    public string Model { get; init; } = string.Empty;

    public void Validate()
    {
        Require.ReservationId(ReservationId);
        if (!HasUsage)
        {
            throw BudgetErrors.Invalid("usage is required: pass the provider's usage (input_tokens, output_tokens).");
        }

        Require.Range(InputTokens, 0, Require.MaxTokensPerCall, "usage.input_tokens");
        Require.Range(OutputTokens, 0, Require.MaxTokensPerCall, "usage.output_tokens");
        if (CostMicros is { } cost)
        {
            Require.Range(cost, 0, Require.MaxAmount, "cost_micros");
        }

        Require.MaxLength(Model, 256, "model");
    }
}
