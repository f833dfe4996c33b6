using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>The ResponseStream of server-streaming and duplex calls.</summary>
internal sealed class ResponseStreamReader<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call) : IAsyncStreamReader<TResponse>
    where TRequest : class
    where TResponse : class
{
    private TResponse? _current;

    public TResponse Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        var message = await call.ReadNextResponseAsync(cancellationToken).ConfigureAwait(false);
        _current = message;
        return message is not null;
    }
}
