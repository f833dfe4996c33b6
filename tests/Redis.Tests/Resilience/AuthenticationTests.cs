using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Resilience;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private RedisServer _server = null!;

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync(new RedisServerOptions { Password = "s3cret" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_right_password_authenticates()
    {
        await using var connection = await RedisConnection.ConnectAsync(_server.ConnectionString);
        Assert.True(await connection.GetDatabase().StringSetAsync("k", "v"));
    }

    [Fact]
    public async Task A_wrong_password_fails_the_connection_with_the_servers_reason()
    {
        var error = await Assert.ThrowsAsync<RedisConnectionException>(
            () => RedisConnection.ConnectAsync($"127.0.0.1:{_server.Port},password=wrong,connectRetry=1"));
        Assert.Contains("WRONGPASS", error.Message);
    }

    [Fact]
    public async Task Without_a_password_commands_fail_with_NOAUTH()
    {
        await using var connection = await RedisConnection.ConnectAsync($"127.0.0.1:{_server.Port}");
        var error = await Assert.ThrowsAsync<RedisServerException>(async () => await connection.GetDatabase().StringGetAsync("k"));
        Assert.Equal("NOAUTH", error.ErrorPrefix);
    }

    [Fact]
    public async Task An_acl_user_authenticates_with_user_and_password_and_the_client_is_named()
    {
        Assert.Equal("OK", await _server.CliAsync("ACL", "SETUSER", "app", "on", ">apppass", "~*", "&*", "+@all"));

        await using var connection = await RedisConnection.ConnectAsync($"127.0.0.1:{_server.Port},user=app,password=apppass,name=budget-1,defaultDatabase=5");
        var db = connection.GetDatabase();

        Assert.Equal("app", (string?)await db.ExecuteAsync("ACL", "WHOAMI"));
        Assert.Equal("budget-1", (string?)await db.ExecuteAsync("CLIENT", "GETNAME"));
        await db.StringSetAsync("in-db-5", "yes");
        Assert.Equal("yes", await _server.CliAsync("-n", "5", "GET", "in-db-5"));
        Assert.Equal(5, db.Database);
    }
}
