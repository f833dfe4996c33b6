namespace Grpc.Core;

/// <summary>Per-write hints.</summary>
[Flags]
public enum WriteFlags
{
    /// <summary>The write may be buffered rather than flushed at once.</summary>
    BufferHint = 0x1,

    /// <summary>Do not compress this message.</summary>
    NoCompress = 0x2,
}
