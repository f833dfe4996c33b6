namespace Platform.Redis.Tests.Configuration;

public sealed class ConnectionStringTests
{
    [Fact]
    public void The_form_Aspire_emits_is_understood()
    {
        var options = RedisConnectionOptions.Parse(
            "cache.internal:6380,password=s3cr=t,ssl=false,abortConnect=false,connectTimeout=2500,syncTimeout=1500,defaultDatabase=2,user=svc,name=budget");

        Assert.Equal("cache.internal", options.Host);
        Assert.Equal(6380, options.Port);
        Assert.Equal("s3cr=t", options.Password);
        Assert.Equal("svc", options.User);
        Assert.False(options.Ssl);
        Assert.False(options.AbortOnConnectFail);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.CommandTimeout);
        Assert.Equal(2, options.DefaultDatabase);
        Assert.Equal("budget", options.ClientName);
    }

    [Theory]
    [InlineData("localhost", "localhost", 6379)]
    [InlineData("127.0.0.1:7000", "127.0.0.1", 7000)]
    [InlineData("[::1]:7001", "::1", 7001)]
    [InlineData("redis.example,ssl=true", "redis.example", 6380)]
    [InlineData("  host:1 , ", "host", 1)]
    public void Endpoints_parse_with_default_ports(string connectionString, string host, int port)
    {
        var options = RedisConnectionOptions.Parse(connectionString);
        Assert.Equal(host, options.Host);
        Assert.Equal(port, options.Port);
    }

    [Fact]
    public void Option_names_are_case_insensitive_and_tls_options_parse()
    {
        var options = RedisConnectionOptions.Parse("h:1,SSL=True,SslHost=cache.local,ALLOWADMIN=true,asyncTimeout=900,keepAlive=30,connectRetry=5");
        Assert.True(options.Ssl);
        Assert.Equal("cache.local", options.SslHost);
        Assert.True(options.AllowAdmin);
        Assert.Equal(TimeSpan.FromMilliseconds(900), options.CommandTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.KeepAlive);
        Assert.Equal(5, options.ConnectRetry);
    }

    [Fact]
    public void A_redis_uri_is_understood()
    {
        var options = RedisConnectionOptions.Parse("rediss://app:p%40ss@cache:7000/3");
        Assert.Equal(("cache", 7000, "app", "p@ss", 3, true),
            (options.Host, options.Port, options.User, options.Password, options.DefaultDatabase, options.Ssl));
    }

    [Theory]
    [InlineData("host:1,sslProtocols=tls12", "sslProtocols")]
    [InlineData("host:1,ssl=yes", "'ssl'")]
    [InlineData("host:1,connectTimeout=soon", "'connectTimeout'")]
    [InlineData("host:1,defaultDatabase=-1", "'defaultDatabase'")]
    [InlineData("host:99999", "port")]
    [InlineData("host:abc", "port")]
    [InlineData("a:1,b:2", "more than one endpoint")]
    [InlineData("password=x", "no host:port endpoint")]
    [InlineData("", "empty")]
    [InlineData("redis://", "redis://")]
    public void Bad_connection_strings_are_rejected_naming_the_problem(string connectionString, string named)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => RedisConnectionOptions.Parse(connectionString));
        Assert.Contains(named, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToString_hides_the_password()
    {
        var text = RedisConnectionOptions.Parse("h:1,password=topsecret").ToString();
        Assert.DoesNotContain("topsecret", text);
    }
}
