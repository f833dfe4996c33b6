using System.Net.Security;

namespace Platform.Redis;

/// <summary>
/// Connection settings, usually parsed from a connection string in the form Aspire emits
/// (<c>host:port,password=...,ssl=false,abortConnect=false</c>); see <see cref="Parse"/>.
/// </summary>
public sealed class RedisConnectionOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 6379;

    /// <summary>ACL user for <c>AUTH user password</c>; null sends <c>AUTH password</c>.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    public bool Ssl { get; set; }

    /// <summary>Name the server's TLS certificate must carry; defaults to <see cref="Host"/>.</summary>
    public string? SslHost { get; set; }

    /// <summary>Extra certificate check for TLS (for example a private CA); null uses the system's trust.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; set; }

    /// <summary>
    /// When true, <see cref="RedisConnection.ConnectAsync(string, CancellationToken)"/> throws if the first
    /// connection fails; when false it returns at once and keeps trying in the background.
    /// </summary>
    public bool AbortOnConnectFail { get; set; } = true;

    /// <summary>How many times the first connection is tried before giving up (with abortConnect=true).</summary>
    public int ConnectRetry { get; set; } = 3;

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Default time a command may wait for its reply, including time spent waiting for a reconnection.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int DefaultDatabase { get; set; }

    /// <summary>Sent as <c>CLIENT SETNAME</c> so the connection is recognisable in <c>CLIENT LIST</c>.</summary>
    public string? ClientName { get; set; }

    /// <summary>TCP keep-alive idle time; null leaves the operating system's default.</summary>
    public TimeSpan? KeepAlive { get; set; }

    /// <summary>Allows administrative commands such as FLUSHDB.</summary>
    public bool AllowAdmin { get; set; }

    public static RedisConnectionOptions Parse(string connectionString) => ConnectionStringParser.Parse(connectionString);

    public RedisConnectionOptions Clone() => (RedisConnectionOptions)MemberwiseClone();

    /// <summary>The connection string without secrets, for logs.</summary>
    public override string ToString() =>
        $"{Host}:{Port},ssl={Ssl},abortConnect={AbortOnConnectFail},defaultDatabase={DefaultDatabase}" +
        (User is null ? string.Empty : $",user={User}") + (Password is null ? string.Empty : ",password=*****");
}
