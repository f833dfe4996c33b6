using System.Buffers;

namespace Grpc.Net.Client.Internal;

/// <summary>One serialized gRPC frame (header + payload) in a buffer rented from the shared ArrayPool.</summary>
internal readonly struct PooledFrame(byte[] buffer, int length)
{
    public ReadOnlyMemory<byte> Memory => buffer.AsMemory(0, length);

    public int Length => length;

    public void Return() => ArrayPool<byte>.Shared.Return(buffer);
}
