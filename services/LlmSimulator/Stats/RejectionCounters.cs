namespace Platform.LlmSimulator.Stats;

/// <summary>Requests that never reached a model: unparsable bodies, missing or unknown model names.</summary>
public sealed class RejectionCounters
{
    private long _badRequest;
    private long _unknownModel;

    public long BadRequest => Interlocked.Read(ref _badRequest);

    public long UnknownModel => Interlocked.Read(ref _unknownModel);

    public void CountBadRequest() => Interlocked.Increment(ref _badRequest);

    public void CountUnknownModel() => Interlocked.Increment(ref _unknownModel);

    public void Clear()
    {
        Interlocked.Exchange(ref _badRequest, 0);
        Interlocked.Exchange(ref _unknownModel, 0);
    }
}
