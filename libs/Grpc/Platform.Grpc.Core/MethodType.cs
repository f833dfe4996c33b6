namespace Grpc.Core;

/// <summary>The four call shapes; the numeric values are compiled into generated code.</summary>
public enum MethodType
{
    Unary = 0,
    ClientStreaming = 1,
    ServerStreaming = 2,
    DuplexStreaming = 3,
}
