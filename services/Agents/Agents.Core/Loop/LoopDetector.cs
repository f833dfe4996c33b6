namespace Platform.Agents.Loop;

/// <summary>
/// Declares a loop when the last N actions are the same or nearly the same: each action is compared
/// with the one before it, after normalising (case, digits, punctuation and spacing do not count), by
/// exact text or by the Jaccard similarity of its word 3-shingles. Counters and step numbers that
/// change every turn therefore do not hide a loop, while genuinely different actions never match.
/// Holds only the last N fingerprints, so its memory is constant.
/// </summary>
public sealed class LoopDetector(int repeats, double similarity = 0.9)
{
    private readonly Queue<TextFingerprint> _recent = new();
    private int _run;

    /// <summary>The N; 0 or less disables detection.</summary>
    public int Repeats { get; } = repeats;

    /// <summary>How many consecutive actions so far are alike (1 after any fresh action).</summary>
    public int CurrentRun => _run;

    /// <summary>Adds an action; true when it completes a run of <see cref="Repeats"/> alike actions.</summary>
    public bool Add(string action)
    {
        if (Repeats <= 0)
            return false;
        var print = TextFingerprint.Of(action);
        _run = _recent.Count > 0 && _recent.Last().IsSimilarTo(print, similarity) ? _run + 1 : 1;
        _recent.Enqueue(print);
        if (_recent.Count > Repeats)
            _recent.Dequeue();
        return _run >= Repeats;
    }
}
