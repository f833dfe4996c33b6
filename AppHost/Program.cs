var builder = DistributedApplication.CreateBuilder(args);

// Secrets: generated once and kept in .state/ locally (a Kubernetes Secret when deployed); never printed.
var cachePassword = builder.AddParameter("cache-password", new GenerateParameterDefault { MinLength = 22, Special = false }, secret: true, persist: true);
var postgresPassword = builder.AddParameter("postgres-password", new GenerateParameterDefault { MinLength = 22, Special = false }, secret: true, persist: true);
var openAiApiKey = builder.AddParameter("openai-api-key", value: "", secret: true);
var anthropicApiKey = builder.AddParameter("anthropic-api-key", value: "", secret: true);

// State: hot counters and streams in Redis, durable records in PostgreSQL.
var cache = builder.AddRedis("cache").WithPassword(cachePassword).WithDataVolume();
var postgres = builder.AddPostgres("postgres").WithPassword(postgresPassword).WithDataVolume();
var platformDb = postgres.AddDatabase("platformdb");

// A local OpenAI-compatible upstream, so the platform runs end to end without provider keys.
var llmSim = builder.AddProject<Projects.LlmSimulator>("llm-sim")
    .WithoutAutoscaling();

var metrics = builder.AddProject<Projects.Metrics>("metrics")
    .WithGrpcEndpoint()
    .WithReference(cache).WaitFor(cache)
    .WithReference(platformDb).WaitFor(platformDb);

var budget = builder.AddProject<Projects.Budget>("budget")
    .WithGrpcEndpoint()
    .WithReplicas(2)
    .WithReference(cache).WaitFor(cache)
    .WithReference(platformDb).WaitFor(platformDb)
    .WithReference(metrics).WaitFor(metrics);

// Local runs start with PRODUCT.md's six example agents; deployments register their own.
if (builder.ExecutionContext.IsRunMode)
    budget.WithEnvironment("Budget__Seed__Enabled", "true");

var routing = builder.AddProject<Projects.Routing>("routing")
    .WithGrpcEndpoint()
    .WithReplicas(2)
    .WithReference(cache).WaitFor(cache)
    .WithReference(platformDb).WaitFor(platformDb)
    .WithReference(budget).WaitFor(budget)
    .WithReference(metrics).WaitFor(metrics)
    .WithReference(llmSim).WaitFor(llmSim)
    .WithEnvironment("OPENAI_API_KEY", openAiApiKey)
    .WithEnvironment("ANTHROPIC_API_KEY", anthropicApiKey);

builder.AddProject<Projects.Agents>("agents")
    .WithGrpcEndpoint()
    .WithReference(cache).WaitFor(cache)
    .WithReference(platformDb).WaitFor(platformDb)
    .WithReference(routing).WaitFor(routing)
    .WithReference(budget).WaitFor(budget)
    .WithReference(metrics).WaitFor(metrics);

builder.Build().Run();
