using System.Security.Cryptography.X509Certificates;
using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Resilience;

public sealed class TlsTests : IAsyncLifetime
{
    private RedisServer _server = null!;

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync(new RedisServerOptions { Tls = true, Password = "tls-pass" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Ssl_true_talks_TLS_to_a_server_whose_certificate_we_trust()
    {
        var options = RedisConnectionOptions.Parse(_server.ConnectionString);
        Assert.True(options.Ssl);
        var expected = _server.TlsCertificate!.GetCertHashString();
        options.CertificateValidation = (_, certificate, _, _) =>
            certificate is not null && new X509Certificate2(certificate).GetCertHashString() == expected;

        await using var connection = await RedisConnection.ConnectAsync(options);
        var db = connection.GetDatabase();

        Assert.True(await db.StringSetAsync("over-tls", "yes"));
        Assert.Equal("yes", (string?)await db.StringGetAsync("over-tls"));
    }

    [Fact]
    public async Task An_untrusted_certificate_fails_the_connection()
    {
        var error = await Assert.ThrowsAsync<RedisConnectionException>(
            () => RedisConnection.ConnectAsync(_server.ConnectionString + ",connectRetry=1"));
        Assert.NotNull(error.InnerException);
    }
}
