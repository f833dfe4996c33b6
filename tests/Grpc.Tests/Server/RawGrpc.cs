using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core.Wire;

namespace Grpc.Tests.Server;

/// <summary>
/// Speaks gRPC by hand over HttpClient's HTTP/2, so server tests control every byte (timeouts, broken frames,
/// resets) and do not depend on our own client.
/// </summary>
public static class RawGrpc
{
    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray());

    public static byte[] Frame(byte[] payload, byte compressedFlag = 0)
    {
        var frame = new byte[GrpcFrame.HeaderLength + payload.Length];
        GrpcFrame.WriteHeader(frame, compressed: false, payload.Length);
        frame[0] = compressedFlag;
        payload.CopyTo(frame, GrpcFrame.HeaderLength);
        return frame;
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(part => part).ToArray();

    public static HttpRequestMessage Request(string path, byte[] body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    public static Task<RawGrpcResponse> UnaryAsync(HttpClient client, string path, IMessage message, params (string Name, string Value)[] headers) =>
        SendAsync(client, Request(path, Frame(message), headers));

    /// <summary>Sends the request and reads the whole response, including trailers.</summary>
    public static async Task<RawGrpcResponse> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new RawGrpcResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers, Unframe(body), response.TrailingHeaders);
    }

    public static List<byte[]> Unframe(byte[] body)
    {
        var messages = new List<byte[]>();
        var position = 0;
        while (position < body.Length)
        {
            if (!GrpcFrame.TryReadHeader(body.AsSpan(position), out _, out var length))
            {
                throw new InvalidDataException("Truncated message prefix in the response.");
            }

            position += GrpcFrame.HeaderLength;
            if (length > body.Length - position)
            {
                throw new InvalidDataException("Truncated message in the response.");
            }

            messages.Add(body.AsSpan(position, (int)length).ToArray());
            position += (int)length;
        }

        return messages;
    }
}
