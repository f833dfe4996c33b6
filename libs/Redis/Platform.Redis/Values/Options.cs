namespace Platform.Redis;

/// <summary>When a write applies: always, only if the key/member does not exist (NX), or only if it does (XX).</summary>
public enum When
{
    Always,
    NotExists,
    Exists,
}

/// <summary>Result order of range queries.</summary>
public enum Order
{
    Ascending,
    Descending,
}

/// <summary>Which bounds of a score range are exclusive.</summary>
[Flags]
public enum Exclude
{
    None = 0,
    Start = 1,
    Stop = 2,
    Both = Start | Stop,
}
