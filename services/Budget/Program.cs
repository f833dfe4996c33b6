using Platform.Budget.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBudgetService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<BudgetApi>();

app.Run();
