using System.Collections.Concurrent;

namespace Grpc.Tests.Hosting;

/// <summary>Lets tests see what happened inside a handler: did its call get cancelled, and how it ended.</summary>
public sealed class EchoObserver
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _outcomes = new();

    /// <summary>Completes with "cancelled" or "completed" once the handler for the keyed call finishes.</summary>
    public Task<string> OutcomeOf(string key) => Get(key).Task;

    /// <summary>Completes when the handler for the keyed call has started.</summary>
    public Task StartedOf(string key) => Get(key + "#started").Task;

    internal void Started(string key) => Get(key + "#started").TrySetResult("started");

    internal void Report(string key, string outcome) => Get(key).TrySetResult(outcome);

    private TaskCompletionSource<string> Get(string key) =>
        _outcomes.GetOrAdd(key, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
}
