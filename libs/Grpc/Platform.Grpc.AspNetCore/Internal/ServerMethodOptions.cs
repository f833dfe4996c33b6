using Microsoft.Extensions.Logging;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>The resolved options shared by all methods of one mapped service.</summary>
internal sealed class ServerMethodOptions(
    int? maxReceiveMessageSize,
    int? maxSendMessageSize,
    bool enableDetailedErrors,
    InterceptorActivator[] interceptors,
    ILogger logger)
{
    public int? MaxReceiveMessageSize { get; } = maxReceiveMessageSize;

    public int? MaxSendMessageSize { get; } = maxSendMessageSize;

    public bool EnableDetailedErrors { get; } = enableDetailedErrors;

    /// <summary>Outermost first.</summary>
    public InterceptorActivator[] Interceptors { get; } = interceptors;

    public bool HasInterceptors => Interceptors.Length > 0;

    public ILogger Logger { get; } = logger;
}
