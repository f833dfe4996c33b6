namespace Grpc.Core;

public abstract partial class ClientBase
{
    /// <summary>What a client instance is built from; generated clients pass it back through NewInstance.</summary>
    protected internal class ClientBaseConfiguration
    {
        private readonly CallInvoker _undecoratedCallInvoker;
        private readonly string? _host;

        internal ClientBaseConfiguration(CallInvoker undecoratedCallInvoker, string? host)
        {
            _undecoratedCallInvoker = undecoratedCallInvoker ?? throw new ArgumentNullException(nameof(undecoratedCallInvoker));
            _host = host;
        }

        internal CallInvoker CreateDecoratedCallInvoker() =>
            _host is null ? _undecoratedCallInvoker : new HostOverridingCallInvoker(_undecoratedCallInvoker, _host);

        internal ClientBaseConfiguration WithHost(string host) =>
            new(_undecoratedCallInvoker, host ?? throw new ArgumentNullException(nameof(host)));
    }
}
