namespace Platform.Budget.Reallocation;

/// <summary>The result of RunReallocation (or of a scheduled run).</summary>
public sealed record ReallocationRun(string ReallocationId, IReadOnlyList<ReallocationMove> Moves, DateTimeOffset RunTime);
