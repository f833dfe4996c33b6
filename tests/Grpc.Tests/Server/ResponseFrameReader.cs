using Grpc.Core.Wire;

namespace Grpc.Tests.Server;

/// <summary>Reads response messages one at a time from a streaming response body.</summary>
public sealed class ResponseFrameReader(Stream body)
{
    /// <summary>The next message's payload, or null at the end of the response body.</summary>
    public async Task<byte[]?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var header = new byte[GrpcFrame.HeaderLength];
        if (!await FillAsync(header, cancellationToken))
        {
            return null;
        }

        GrpcFrame.TryReadHeader(header, out _, out var length);
        var payload = new byte[length];
        if (!await FillAsync(payload, cancellationToken))
        {
            throw new InvalidDataException("The response ended inside a message.");
        }

        return payload;
    }

    private async Task<bool> FillAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                return filled == 0 && buffer.Length > 0 ? false : throw new InvalidDataException("The response ended inside a message.");
            }

            filled += read;
        }

        return true;
    }
}
