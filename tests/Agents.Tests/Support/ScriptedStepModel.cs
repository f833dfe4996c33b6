using System.Collections.Concurrent;
using Platform.Agents.Loop;

namespace Platform.Agents.Tests.Support;

/// <summary>
/// A deterministic in-memory model for loop tests: each call's reply (or failure) comes from a script
/// function of the call and its index; every call is recorded for assertions.
/// </summary>
public sealed class ScriptedStepModel(Func<StepCall, int, StepReply> script) : IStepModel
{
    private int _calls;

    public ConcurrentQueue<StepCall> Calls { get; } = new();

    public int CallCount => Volatile.Read(ref _calls);

    public Task<StepReply> CompleteAsync(StepCall call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls.Enqueue(call);
        var index = Interlocked.Increment(ref _calls) - 1;
        return Task.FromResult(script(call, index));
    }

    public static StepReply Reply(string content, long input = 100, long output = 20, long cost = 10) =>
        new(content, "sim-model", "sim", input, output, 0, cost, 0, "req-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Varied replies, with a completion marker on the <paramref name="doneAt"/>-th call (1-based; 0 = never).</summary>
    public static ScriptedStepModel DoneAfter(int doneAt) => new((call, index) =>
        Reply(index + 1 == doneAt ? $"All finished for step {call.StepNumber}. [DONE]" : $"Working on {Words(index)} as step {call.StepNumber}."));

    /// <summary>The same action every time.</summary>
    public static ScriptedStepModel Looping() => new((_, _) => Reply("I will check the current status again before I continue."));

    internal static string Words(int seed)
    {
        string[] vocabulary = ["parse", "input", "design", "schema", "write", "tests", "refactor", "module", "review", "draft", "measure", "latency",
            "compare", "options", "deploy", "service", "collect", "metrics", "summarise", "findings"];
        var words = new string[6];
        for (var i = 0; i < words.Length; i++)
            words[i] = vocabulary[(seed * 7 + i * 13 + seed * i) % vocabulary.Length];
        return string.Join(' ', words);
    }
}
