using Grpc.Core.Wire;

namespace Grpc.AspNetCore.Server.Internal;

internal sealed partial class GrpcServerCall
{
    private RequestMessageReader? _requestReader;
    private ResponseMessageWriter? _responseWriter;

    public RequestMessageReader RequestReader => _requestReader ??= new RequestMessageReader(
        HttpContext.Request.BodyReader,
        Options.MaxReceiveMessageSize,
        HttpContext.Request.Headers.TryGetValue(GrpcProtocol.EncodingHeader, out var encoding) ? encoding.ToString() : null);

    public ResponseMessageWriter ResponseWriter => _responseWriter ??= new ResponseMessageWriter(
        HttpContext.Response.BodyWriter,
        Options.MaxSendMessageSize);
}
