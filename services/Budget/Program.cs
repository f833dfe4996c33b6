var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBudgetService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<Platform.Budget.Grpc.BudgetApi>();

app.Run();
