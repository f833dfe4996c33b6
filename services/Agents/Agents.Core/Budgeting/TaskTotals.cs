using Platform.Agents.Loop;

namespace Platform.Agents.Budgeting;

/// <summary>A task's running totals: usage and cost of all steps, and what memory saved.</summary>
public sealed class TaskTotals
{
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
    public long CachedInputTokens { get; set; }
    public long CostMicros { get; set; }
    public long WindowTokensSaved { get; set; }
    public long SharedContextTokensSent { get; set; }
    public long SharedContextBytesSaved { get; set; }

    public long TotalTokens => InputTokens + OutputTokens;

    public void Add(StepReply reply, long windowTokensSaved, long sharedContextTokens)
    {
        InputTokens += reply.InputTokens;
        OutputTokens += reply.OutputTokens;
        CachedInputTokens += reply.CachedInputTokens;
        CostMicros += reply.CostMicros;
        WindowTokensSaved += windowTokensSaved;
        SharedContextTokensSent += sharedContextTokens;
    }
}
