namespace Platform.Budget.Ledger;

/// <summary>What a ledger entry records. Numbers match the contract's LedgerEntryType.</summary>
public enum LedgerEntryType
{
    Unspecified = 0,
    Grant = 1,
    Commit = 2,
    Release = 3,
    Expire = 4,
    Denial = 5,
    Borrow = 6,
    Reallocation = 7,
    ConfigChange = 8,
    Extend = 9,
    Warning = 10,
}
