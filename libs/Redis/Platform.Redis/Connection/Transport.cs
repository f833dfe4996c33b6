using System.Net.Security;
using System.Net.Sockets;

namespace Platform.Redis.Connection;

/// <summary>Opens the byte stream to the server: TCP, optionally wrapped in TLS.</summary>
internal static class Transport
{
    public static async Task<Stream> OpenAsync(RedisConnectionOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (options.KeepAlive is { } keepAlive)
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, (int)keepAlive.TotalSeconds);
            }

            await socket.ConnectAsync(options.Host, options.Port, timeout.Token);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (!options.Ssl)
            {
                return stream;
            }

            var tls = new SslStream(stream, leaveInnerStreamOpen: false);
            try
            {
                await tls.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = options.SslHost ?? options.Host,
                        RemoteCertificateValidationCallback = options.CertificateValidation,
                    },
                    timeout.Token);
            }
            catch
            {
                await tls.DisposeAsync();
                throw;
            }

            return tls;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new RedisConnectionException(
                $"Connecting to {options.Host}:{options.Port} took longer than connectTimeout ({options.ConnectTimeout.TotalMilliseconds} ms).");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
