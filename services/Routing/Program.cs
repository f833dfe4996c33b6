var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRoutingService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRoutingService();

app.Run();
