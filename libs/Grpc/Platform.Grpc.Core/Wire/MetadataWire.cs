namespace Grpc.Core.Wire;

/// <summary>How metadata maps onto HTTP/2 headers: which headers are the protocol's own, and base64 for "-bin" values.</summary>
internal static class MetadataWire
{
    /// <summary>
    /// Pseudo-headers and headers the transport owns; these never appear in <see cref="Metadata"/> handed to user code.
    /// </summary>
    public static bool IsReservedHeader(string name)
    {
        if (name.Length > 0 && name[0] == ':')
        {
            return true;
        }

        return name.ToLowerInvariant() switch
        {
            "content-type" or "te" or "host" or "content-length" or "accept-encoding" or "connection"
                or GrpcProtocol.TimeoutHeader or GrpcProtocol.EncodingHeader or GrpcProtocol.AcceptEncodingHeader
                or GrpcProtocol.StatusHeader or GrpcProtocol.MessageHeader => true,
            _ => false,
        };
    }

    /// <summary>Spec: senders should omit padding; receivers must accept both.</summary>
    public static string EncodeBinary(byte[] value) => Convert.ToBase64String(value).TrimEnd('=');

    public static byte[] DecodeBinary(string value)
    {
        var padding = (4 - value.Length % 4) % 4;
        return Convert.FromBase64String(padding == 0 ? value : value + new string('=', padding));
    }

    /// <summary>Adds one received header to metadata, decoding base64 for "-bin" keys; undecodable values are skipped.</summary>
    public static void AddReceived(Metadata metadata, string name, string value)
    {
        if (Metadata.Entry.IsBinaryKey(name))
        {
            try
            {
                metadata.Add(name, DecodeBinary(value));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                // A peer sent invalid base64: the spec prefers dropping the header to failing the call.
            }

            return;
        }

        try
        {
            metadata.Add(name, value);
        }
        catch (ArgumentException)
        {
            // A header name outside gRPC's key alphabet cannot be represented as metadata.
        }
    }
}
