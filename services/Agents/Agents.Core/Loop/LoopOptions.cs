namespace Platform.Agents.Loop;

/// <summary>How the loop retries failed steps and when it warns (configuration section <c>Agents:Loop</c>).</summary>
public sealed class LoopOptions
{
    public const string SectionName = "Agents:Loop";

    /// <summary>A step is not started when the token cap leaves fewer output tokens than this.</summary>
    public int MinStepOutputTokens { get; set; } = 16;

    /// <summary>Attempts of one step against transient failures (unavailable, rate limited) before FAILED.</summary>
    public int MaxStepAttempts { get; set; } = 5;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one step keeps waiting while the gateway answers RATE_LIMITED (its backpressure), with
    /// jittered backoff, before the task fails. The task deadline bounds it too.
    /// </summary>
    public TimeSpan RateLimitedPatience { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A budget denial whose retry-after is at most this is waited out (twice at most); longer ones end the task.</summary>
    public TimeSpan BudgetRetryMaxWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Task and agent budget warnings fire when utilisation crosses this percentage.</summary>
    public int WarningThresholdPercent { get; set; } = 80;

    /// <summary>Upper bound of one step's call, inside the task deadline.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
