namespace Platform.Agents.Budgeting;

/// <summary>
/// A task's own spending caps (TaskSpec.budget). Before each step they shrink the call's limits so the
/// step cannot overspend what is left: max_tokens is cut to the remaining tokens minus the prompt, and
/// the gateway is told the remaining dollars as the call's maximum cost. After each step, reaching
/// either cap ends the task with BUDGET_EXCEEDED.
/// </summary>
public readonly record struct TaskCaps(long? MaxTokens, long? MaxCostMicros)
{
    public bool Any => MaxTokens is not null || MaxCostMicros is not null;

    public StepAllowance ForStep(TaskTotals totals, long promptTokens, int maxTokensPerStep, long? policyMaxCost, int minOutputTokens)
    {
        var maxTokens = maxTokensPerStep;
        if (MaxTokens is { } tokenCap)
        {
            var left = tokenCap - totals.TotalTokens - promptTokens;
            if (left < minOutputTokens)
                return StepAllowance.Exhausted(
                    $"the task's token cap ({tokenCap}) is reached: {totals.TotalTokens} used, and the next step needs {promptTokens} prompt tokens plus at least {minOutputTokens} output tokens");
            maxTokens = (int)Math.Min(maxTokens, left);
        }

        var maxCost = policyMaxCost;
        var costCapBinding = false;
        if (MaxCostMicros is { } costCap)
        {
            var left = costCap - totals.CostMicros;
            if (left <= 0)
                return StepAllowance.Exhausted($"the task's cost cap ({costCap} micro-USD) is reached: {totals.CostMicros} spent");
            if (maxCost is null || left < maxCost)
            {
                maxCost = left;
                costCapBinding = true;
            }
        }
        return new StepAllowance(maxTokens, maxCost, costCapBinding, null);
    }

    /// <summary>Why the task must stop after a step, or null while either cap still has room.</summary>
    public string? ExhaustedAfter(TaskTotals totals)
    {
        if (MaxTokens is { } tokenCap && totals.TotalTokens >= tokenCap)
            return $"the task's token cap ({tokenCap}) is reached: {totals.TotalTokens} used";
        if (MaxCostMicros is { } costCap && totals.CostMicros >= costCap)
            return $"the task's cost cap ({costCap} micro-USD) is reached: {totals.CostMicros} spent";
        return null;
    }

    /// <summary>Highest utilisation of either cap, percent (0 without caps; a zero cap counts as full).</summary>
    public double UtilisationPercent(TaskTotals totals) =>
        Math.Max(Percent(totals.TotalTokens, MaxTokens), Percent(totals.CostMicros, MaxCostMicros));

    private static double Percent(long used, long? cap) => cap switch
    {
        null => 0,
        0 => 100,
        { } limit => 100.0 * used / limit,
    };
}
