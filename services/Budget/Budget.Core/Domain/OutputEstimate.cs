namespace Platform.Budget.Domain;

/// <summary>How Reserve sizes the output part of a hold. Numbers match the contract.</summary>
public enum OutputEstimate
{
    Unspecified = 0,

    /// <summary>Hold max_output_tokens in full.</summary>
    MaxTokens = 1,

    /// <summary>Hold the 95th percentile of the agent's recent outputs (capped at max_output_tokens).</summary>
    P95Observed = 2,
}
