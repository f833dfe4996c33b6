using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Platform.Postgres.Migrations;

namespace Postgres.Tests;

/// <summary>Service-shaped hosts: each has its own configuration, data source and pool, like a replica.</summary>
internal static class TestHosts
{
    public static IHost Create(string connectionString, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:platformdb"] = connectionString,
        });
        builder.AddNpgsqlDataSource("platformdb");
        configure?.Invoke(builder);
        return builder.Build();
    }

    public static IHost CreateMigrating(string connectionString, string schema, string folder = "Migrations") =>
        Create(connectionString, builder => builder.Services.AddPostgresMigrations(schema, typeof(TestHosts).Assembly, folder));
}
