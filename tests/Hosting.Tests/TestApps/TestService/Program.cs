// Modes (TestService:Mode): "fail" writes some lines and exits 3 before listening; "unhealthy" answers /health with 503.
var builder = WebApplication.CreateBuilder(args);
var mode = builder.Configuration["TestService:Mode"];
if (mode == "fail")
{
    for (var i = 1; i <= 25; i++)
    {
        Console.WriteLine($"test-service: start-up step {i} of 25");
    }

    Console.Error.WriteLine("test-service: cannot start, failing on purpose");
    return 3;
}

var app = builder.Build();
app.MapGet("/health", () => mode == "unhealthy" ? Results.StatusCode(503) : Results.Text("Healthy"));
app.MapGet("/alive", () => Results.Text("Healthy"));
app.MapGet("/pid", () => Environment.ProcessId);

// The platform's runtime contract, as this process received it.
string[] prefixes = ["ConnectionStrings__", "services__", "Kestrel__", "OTEL_", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "TEST_"];
app.MapGet("/env", () => Environment.GetEnvironmentVariables()
    .Cast<System.Collections.DictionaryEntry>()
    .Select(e => (Name: (string)e.Key, Value: (string?)e.Value))
    .Where(e => prefixes.Any(p => e.Name.StartsWith(p, StringComparison.Ordinal)))
    .ToDictionary(e => e.Name, e => e.Value));

app.Run();
return 0;
