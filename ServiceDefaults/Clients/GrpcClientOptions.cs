using Grpc.Core;

namespace Platform.ServiceDefaults.Clients;

/// <summary>How a typed client reaches a service and when it may retry a failed call.</summary>
public sealed class GrpcClientOptions
{
    /// <summary>The endpoint name under <c>services__{service}__{endpoint}__N</c>.</summary>
    public string EndpointName { get; set; } = "grpc";

    /// <summary>Retries after the first attempt; only for calls that are safe to repeat.</summary>
    public int MaxRetries { get; set; } = 3;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Methods safe to repeat after <c>UNAVAILABLE</c>. By default the read-only ones (named Get*, List*,
    /// Check, Preview*, Route); mutating calls that carry an idempotency key opt in by name.
    /// </summary>
    public HashSet<string> IdempotentMethods { get; } = new(StringComparer.Ordinal);

    internal bool IsIdempotent(IMethod method) =>
        method.Type == MethodType.Unary &&
        (IdempotentMethods.Contains(method.Name) ||
         method.Name.StartsWith("Get", StringComparison.Ordinal) ||
         method.Name.StartsWith("List", StringComparison.Ordinal) ||
         method.Name.StartsWith("Preview", StringComparison.Ordinal) ||
         method.Name is "Check" or "Route");
}
