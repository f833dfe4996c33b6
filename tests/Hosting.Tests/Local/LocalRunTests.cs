using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Platform.Hosting.Testing;
using Platform.Hosting.Tests.Support;

namespace Platform.Hosting.Tests.Local;

/// <summary>
/// The app model started for real through the testing builder: Redis and PostgreSQL from the machine,
/// the LLM simulator, and the test service with two replicas plus a client of it.
/// </summary>
public sealed class LocalRunTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Whole_model_starts_healthy_and_every_replica_receives_the_runtime_contract()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var cache = builder.AddRedis("cache");
        var postgres = builder.AddPostgres("postgres");
        var db = postgres.AddDatabase("platformdb");
        var llmSim = builder.AddProject("llm-sim", RepositoryPaths.Of("services", "LlmSimulator", "LlmSimulator.csproj"));
        var service = builder.AddProject<Projects.TestService>("service")
            .WithGrpcEndpoint()
            .WithReplicas(2)
            .WithReference(cache).WaitFor(cache)
            .WithReference(db).WaitFor(db)
            .WithReference(llmSim).WaitFor(llmSim)
            .WithEnvironment("TEST_GREETING", "hello");
        builder.AddProject<Projects.TestService>("client")
            .WithReference(service).WaitFor(service);

        await using var app = builder.Build();
        await app.StartAsync();

        Assert.All(app.GetResources(), r => Assert.Equal(ResourceState.Healthy, r.State));
        Assert.Equal(["cache", "postgres", "platformdb", "llm-sim", "service-0", "service-1", "client"], app.GetResources().Select(r => r.Name));
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri(app.GetEndpoint("llm-sim"), "/health"))).StatusCode);

        var cacheConnection = app.GetConnectionString("cache");
        var cachePort = app.GetEndpoint("cache", "tcp").Port;
        Assert.Equal($"127.0.0.1:{cachePort},password={app.GetParameterValue("cache-password")}", cacheConnection);
        var dbConnection = app.GetConnectionString("platformdb");
        Assert.Equal(
            $"Host=127.0.0.1;Port={app.GetEndpoint("postgres", "tcp").Port};Username=postgres;Password={app.GetParameterValue("postgres-password")};Database=platformdb",
            dbConnection);

        var replicaPorts = new HashSet<int>();
        for (var replica = 0; replica < 2; replica++)
        {
            var http = app.GetEndpoint("service", "http", replica);
            var grpc = app.GetEndpoint("service", "grpc", replica);
            replicaPorts.Add(http.Port);
            replicaPorts.Add(grpc.Port);
            var env = (await Http.GetFromJsonAsync<Dictionary<string, string>>(new Uri(http, "/env")))!;

            Assert.Equal(cacheConnection, env["ConnectionStrings__cache"]);
            Assert.Equal(dbConnection, env["ConnectionStrings__platformdb"]);
            Assert.Equal(app.GetEndpoint("llm-sim").ToString().TrimEnd('/'), env["services__llm-sim__http__0"]);
            Assert.False(env.ContainsKey("services__llm-sim__grpc__0"));
            Assert.Equal($"http://127.0.0.1:{http.Port}", env["Kestrel__Endpoints__http__Url"]);
            Assert.Equal($"http://127.0.0.1:{grpc.Port}", env["Kestrel__Endpoints__grpc__Url"]);
            Assert.Equal("Http2", env["Kestrel__Endpoints__grpc__Protocols"]);
            Assert.Equal("service", env["OTEL_SERVICE_NAME"]);
            Assert.Equal("Development", env["ASPNETCORE_ENVIRONMENT"]);
            Assert.Equal("Development", env["DOTNET_ENVIRONMENT"]);
            Assert.Equal("hello", env["TEST_GREETING"]);
            await AssertSpeaksCleartextHttp2Async(grpc);
        }

        Assert.Equal(4, replicaPorts.Count);
        var clientEnv = (await Http.GetFromJsonAsync<Dictionary<string, string>>(new Uri(app.GetEndpoint("client"), "/env")))!;
        Assert.Equal(app.GetEndpoint("service", "grpc", 0).ToString().TrimEnd('/'), clientEnv["services__service__grpc__0"]);
        Assert.Equal(app.GetEndpoint("service", "grpc", 1).ToString().TrimEnd('/'), clientEnv["services__service__grpc__1"]);
        Assert.Equal(app.GetEndpoint("service", "http", 1).ToString().TrimEnd('/'), clientEnv["services__service__http__1"]);
        Assert.False(clientEnv.ContainsKey("services__service__http__2"));

        Assert.Equal("PONG", await RedisCommands.PingAsync(cacheConnection));
        await using (var connection = new NpgsqlConnection(dbConnection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_database()", connection);
            Assert.Equal("platformdb", await command.ExecuteScalarAsync());
        }

        var pids = app.GetResources().Select(r => r.ProcessId).OfType<int>().ToList();
        Assert.Equal(6, pids.Count);
        await app.DisposeAsync();

        Assert.Empty(await ProcessChecks.WaitUntilAllExitedAsync(pids, TimeSpan.FromSeconds(30)));
        Assert.All(app.GetResources().Where(r => r.ProcessId is not null), r => Assert.Equal(ResourceState.Stopped, r.State));
    }

    [Fact]
    public async Task Data_and_generated_passwords_survive_a_restart_with_the_same_state_folder()
    {
        var state = Directory.CreateTempSubdirectory("hosting-restart-").FullName;
        try
        {
            string firstPassword;
            await using (var first = RedisAndPostgres(state))
            {
                await first.StartAsync();
                firstPassword = first.GetParameterValue("cache-password");
                await RedisCommands.SetAsync(first.GetConnectionString("cache"), "survivor", "yes");
                await using var connection = new NpgsqlConnection(first.GetConnectionString("platformdb"));
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand("CREATE TABLE kept (id int); INSERT INTO kept VALUES (42);", connection);
                await create.ExecuteNonQueryAsync();
            }

            await using var second = RedisAndPostgres(state);
            await second.StartAsync();

            Assert.Equal(firstPassword, second.GetParameterValue("cache-password"));
            Assert.Equal("yes", await RedisCommands.GetAsync(second.GetConnectionString("cache"), "survivor"));
            await using var reopened = new NpgsqlConnection(second.GetConnectionString("platformdb"));
            await reopened.OpenAsync();
            await using var select = new NpgsqlCommand("SELECT id FROM kept", reopened);
            Assert.Equal(42, await select.ExecuteScalarAsync());
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(state, "parameters.json")));
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    private static DistributedApplication RedisAndPostgres(string stateDirectory)
    {
        var builder = DistributedApplicationTestingBuilder.Create(new DistributedApplicationOptions
        {
            DefaultSettings = new Dictionary<string, string?> { ["AppHost:StateDirectory"] = stateDirectory },
        });
        builder.AddRedis("cache");
        builder.AddPostgres("postgres").AddDatabase("platformdb");
        return builder.Build();
    }

    private static async Task AssertSpeaksCleartextHttp2Async(Uri grpcEndpoint)
    {
        using var client = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.GetAsync(new Uri(grpcEndpoint, "/alive"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
    }
}
