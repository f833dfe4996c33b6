using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Postgres.Migrations;
using Platform.Testing;
using Platform.Testing.Postgres;

namespace Postgres.Tests;

/// <summary>A web app serves nothing until its migrations are through.</summary>
public sealed class WebStartupOrderTests
{
    [Fact]
    public async Task A_web_app_whose_migrations_fail_never_opens_its_port()
    {
        var database = await (await SharedPostgresServer.GetAsync()).CreateDatabaseAsync();
        using (var original = TestHosts.CreateMigrating(database, "routing"))
        {
            await original.StartAsync();
            await original.StopAsync();
        }

        var port = FreePort.Next();
        await using var app = CreateWebApp(database, port, folder: "ChangedMigrations");

        await Assert.ThrowsAsync<MigrationChecksumMismatchException>(() => app.StartAsync());
        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync("127.0.0.1", port));
    }

    [Fact]
    public async Task A_web_app_serves_a_migrated_schema_from_its_first_request()
    {
        var database = await (await SharedPostgresServer.GetAsync()).CreateDatabaseAsync();
        var port = FreePort.Next();
        await using var app = CreateWebApp(database, port, folder: "Migrations");
        app.MapGet("/ledger/count", async (Npgsql.NpgsqlDataSource db) =>
        {
            await using var command = db.CreateCommand("SELECT count(*) FROM routing.ledger");
            return (long)(await command.ExecuteScalarAsync())!;
        });

        await app.StartAsync();
        using var client = new HttpClient();

        Assert.Equal("0", await client.GetStringAsync($"http://127.0.0.1:{port}/ledger/count"));
    }

    private static WebApplication CreateWebApp(string database, int port, string folder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:platformdb"] = database });
        builder.AddNpgsqlDataSource("platformdb");
        builder.Services.AddPostgresMigrations("routing", typeof(WebStartupOrderTests).Assembly, folder);
        return builder.Build();
    }
}
