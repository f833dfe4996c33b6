var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddMetricsService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<Platform.Metrics.Grpc.MetricsApi>();

app.Run();
