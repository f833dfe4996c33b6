namespace Platform.Budget.Ledger;

/// <summary>One page of ledger entries, newest first.</summary>
public sealed record LedgerPage(IReadOnlyList<LedgerEntry> Entries, string NextPageToken);
