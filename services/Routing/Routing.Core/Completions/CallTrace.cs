using Platform.Routing.Catalog;

namespace Platform.Routing.Completions;

/// <summary>What happened during a call so far; kept even when the call fails, for its event and error.</summary>
public sealed class CallTrace
{
    private readonly List<AttemptRecord> _attempts = [];

    public IReadOnlyList<AttemptRecord> Attempts => _attempts;

    /// <summary>Attempts that reached a provider.</summary>
    public int ProviderAttempts { get; set; }

    /// <summary>The model last tried (for the event of a failed call).</summary>
    public ModelDefinition? LastModel { get; set; }

    public int LastDepth { get; set; }

    /// <summary>Budget holds requested so far (each gets its own idempotency key).</summary>
    public int Holds { get; set; }

    public bool RetryBudgetExhausted { get; set; }

    public void Add(AttemptRecord attempt) => _attempts.Add(attempt);
}
