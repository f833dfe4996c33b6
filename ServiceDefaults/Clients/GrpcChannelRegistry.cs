using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;

namespace Platform.ServiceDefaults.Clients;

/// <summary>One channel (one pooled HTTP/2 connection set) per endpoint, shared by every client of the process.</summary>
public sealed class GrpcChannelRegistry : IDisposable
{
    private readonly ConcurrentDictionary<Uri, GrpcChannel> _channels = new();

    internal CallInvoker CreateInvoker(IReadOnlyList<Uri> endpoints, GrpcClientOptions options)
    {
        var invokers = new CallInvoker[endpoints.Count];
        for (var i = 0; i < endpoints.Count; i++)
            invokers[i] = _channels.GetOrAdd(endpoints[i], uri => GrpcChannel.ForAddress(uri)).CreateCallInvoker();
        return new RoundRobinCallInvoker(invokers, new UnaryRetryPolicy(options));
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
            channel.Dispose();
        _channels.Clear();
    }
}
