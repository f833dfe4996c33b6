namespace Platform.Metrics.Storage;

/// <summary>One roll-up row as read: its key and statistics.</summary>
public sealed record RollupRow(RollupKey Key, CallTally Tally);
