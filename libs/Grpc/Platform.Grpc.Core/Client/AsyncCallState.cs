namespace Grpc.Core;

/// <summary>
/// The status/trailers/dispose callbacks shared by the four call result types. Both the closure form and
/// the (delegate, state) form of the public constructors land here, so invokers can avoid a closure per call.
/// </summary>
internal readonly struct AsyncCallState
{
    private readonly object? _responseHeadersAsync; // Task<Metadata> or Func<object, Task<Metadata>>
    private readonly object? _getStatus;             // Func<Status> or Func<object, Status>
    private readonly object? _getTrailers;           // Func<Metadata> or Func<object, Metadata>
    private readonly object? _dispose;               // Action or Action<object>
    private readonly object? _state;

    public AsyncCallState(Task<Metadata> responseHeadersAsync, Func<Status> getStatus, Func<Metadata> getTrailers, Action dispose)
    {
        _responseHeadersAsync = responseHeadersAsync;
        _getStatus = getStatus;
        _getTrailers = getTrailers;
        _dispose = dispose;
        _state = null;
    }

    public AsyncCallState(
        Func<object, Task<Metadata>> responseHeadersAsync,
        Func<object, Status> getStatus,
        Func<object, Metadata> getTrailers,
        Action<object> dispose,
        object state)
    {
        _responseHeadersAsync = responseHeadersAsync;
        _getStatus = getStatus;
        _getTrailers = getTrailers;
        _dispose = dispose;
        _state = state;
    }

    public Task<Metadata> ResponseHeadersAsync() => _responseHeadersAsync is Task<Metadata> task
        ? task
        : ((Func<object, Task<Metadata>>)_responseHeadersAsync!)(_state!);

    public Status GetStatus() => _getStatus is Func<Status> func
        ? func()
        : ((Func<object, Status>)_getStatus!)(_state!);

    public Metadata GetTrailers() => _getTrailers is Func<Metadata> func
        ? func()
        : ((Func<object, Metadata>)_getTrailers!)(_state!);

    public void Dispose()
    {
        if (_dispose is Action action)
        {
            action();
        }
        else
        {
            ((Action<object>)_dispose!)(_state!);
        }
    }
}
