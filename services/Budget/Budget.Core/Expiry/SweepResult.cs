namespace Platform.Budget.Expiry;

/// <summary>What one sweep did: expired holds returned, settled reservations forgotten after their retention.</summary>
public readonly record struct SweepResult(long Reclaimed, long Pruned);
