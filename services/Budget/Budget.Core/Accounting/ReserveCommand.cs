using Platform.Budget.Domain;

namespace Platform.Budget.Accounting;

/// <summary>A request to hold budget for one LLM call.</summary>
public sealed record ReserveCommand
{
    public required string AgentId { get; init; }

    public required string IdempotencyKey { get; init; }

    public long EstimatedInputTokens { get; init; }

    public long MaxOutputTokens { get; init; }

    /// <summary>Null when the caller sent no price (allowed only when no USD limit applies).</summary>
    public ModelPrice? Price { get; init; }

    public string Model { get; init; } = string.Empty;

    /// <summary>Null = the fleet's default reservation ttl.</summary>
    public TimeSpan? Ttl { get; init; }

    /// <summary>Unspecified = the agent's own tier; otherwise a lower-priority tier for this call.</summary>
    public Tier TierOverride { get; init; }

    public string RequestId { get; init; } = string.Empty;

    public string TaskId { get; init; } = string.Empty;

    public void Validate()
    {
        Require.AgentId(AgentId);
        Require.IdempotencyKey(IdempotencyKey);
        Require.Range(EstimatedInputTokens, 0, Require.MaxTokensPerCall, "estimated_input_tokens");
        Require.Range(MaxOutputTokens, 1, Require.MaxTokensPerCall, "max_output_tokens");
        if (Price is { } price)
        {
            Require.Range(price.InputMicrosPerMTok, 0, Require.MaxPriceMicrosPerMTok, "price.input_micros_per_mtok");
            Require.Range(price.OutputMicrosPerMTok, 0, Require.MaxPriceMicrosPerMTok, "price.output_micros_per_mtok");
        }

        Require.MaxLength(Model, 256, "model");
        Require.Ttl(Ttl, "ttl");
        Require.Tier(TierOverride, "tier_override", allowUnspecified: true);
        Require.MaxLength(RequestId, 128, "request_id");
        Require.MaxLength(TaskId, 128, "task_id");
    }
}
