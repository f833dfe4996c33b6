using Platform.Routing.Completions;

namespace Platform.Routing.Dedup;

/// <summary>What an idempotency key said: run the call (claimed), here is its result (done), someone is running it (pending), or the key belongs to another request.</summary>
public enum IdempotencyState
{
    Claimed,
    Done,
    Pending,
    Mismatch,
}

public sealed record IdempotencyClaim(IdempotencyState State, CompletionResult? Result = null);
