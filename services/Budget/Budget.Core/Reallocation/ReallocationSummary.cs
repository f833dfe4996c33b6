namespace Platform.Budget.Reallocation;

/// <summary>One reallocation run: its id (on every ledger entry it made) and the moves.</summary>
public sealed record ReallocationSummary(string ReallocationId, IReadOnlyList<ReallocationMove> Moves, bool Scheduled);
