using Platform.Routing.Completions;

namespace Platform.Routing.Grpc;

/// <summary>Runs an RPC body and turns domain failures into gRPC statuses with the contract's trailers.</summary>
internal static class Rpc
{
    public static async Task<T> Run<T>(Func<Task<T>> body)
    {
        try
        {
            return await body();
        }
        catch (RoutingException e)
        {
            throw RpcErrors.ToRpc(e);
        }
    }
}
