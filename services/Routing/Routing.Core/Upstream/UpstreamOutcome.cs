namespace Platform.Routing.Upstream;

/// <summary>Either a completion or a classified failure; failures are values, not exceptions, on the hot path.</summary>
public readonly record struct UpstreamOutcome<T>(T? Value, UpstreamFailure? Failure) where T : class
{
    public bool Succeeded => Value is not null;

    public static UpstreamOutcome<T> Ok(T value) => new(value, null);

    public static UpstreamOutcome<T> Failed(UpstreamFailure failure) => new(null, failure);
}
