using Platform.Metrics.Dashboard;
using Platform.Metrics.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddMetricsService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<MetricsApi>();
app.MapDashboard();

app.Run();
