var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddAgentsService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<Platform.Agents.Grpc.AgentsApi>();

app.Run();
