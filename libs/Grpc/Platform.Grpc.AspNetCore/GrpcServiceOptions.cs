namespace Grpc.AspNetCore.Server;

/// <summary>Options for every gRPC service in the app (same names and defaults as Grpc.AspNetCore.Server).</summary>
public class GrpcServiceOptions
{
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>Largest request message accepted, in bytes; null means no limit. Larger ones end the call with RESOURCE_EXHAUSTED.</summary>
    public int? MaxReceiveMessageSize { get; set; } = DefaultMaxReceiveMessageSize;

    /// <summary>Largest response message sent, in bytes; null (the default) means no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>When true, an unhandled exception's message is sent to the client in grpc-message. Keep off in production.</summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>When true, calls to unknown services are left to the rest of the app instead of answered with UNIMPLEMENTED.</summary>
    public bool IgnoreUnknownServices { get; set; }

    /// <summary>Server interceptors, run in the order added, around every call.</summary>
    public InterceptorCollection Interceptors { get; } = [];
}
