using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Platform.LlmSimulator.Hosting;
using Platform.Testing;

namespace Platform.Routing.Tests.Infrastructure;

/// <summary>llm-sim hosted in the test process on a free loopback port, with zero latency, and helpers for its control API.</summary>
public sealed class Simulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private Simulator(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        _http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>e.g. http://127.0.0.1:43121 (the OpenAI base URL is this plus /v1).</summary>
    public string BaseUrl { get; }

    public static async Task<Simulator> StartAsync(IDictionary<string, string?>? settings = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort.Next()}";
            var app = SimulatorApplication.Create([], builder =>
            {
                // Only this configuration: other projects' appsettings.json share the test output folder.
                foreach (var json in builder.Configuration.Sources.OfType<JsonConfigurationSource>().ToList())
                    builder.Configuration.Sources.Remove(json);
                var values = new Dictionary<string, string?>
                {
                    ["urls"] = url,
                    ["Simulator:LatencyScale"] = "0",
                    ["Simulator:AcceptAnyModel"] = "true",
                    ["Logging:LogLevel:Default"] = "Warning",
                };
                foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
                    values[key] = value;
                builder.Configuration.AddInMemoryCollection(values);
            });
            try
            {
                await app.StartAsync();
                return new Simulator(app, url);
            }
            catch (IOException) when (attempt < 3)
            {
                await app.DisposeAsync();
            }
        }
    }

    public async Task SetFaultsAsync(string model, object faults)
    {
        using var response = await _http.PutAsJsonAsync($"/control/models/{Uri.EscapeDataString(model)}/faults", faults);
        response.EnsureSuccessStatusCode();
    }

    public async Task ClearFaultsAsync(string model)
    {
        using var response = await _http.DeleteAsync($"/control/models/{Uri.EscapeDataString(model)}/faults");
        response.EnsureSuccessStatusCode();
    }

    public async Task FailNextAsync(string model, int count, string fault, int? statusCode = null)
    {
        object body = statusCode is null ? new { count, fault } : new { count, fault, status_code = statusCode };
        using var response = await _http.PostAsJsonAsync($"/control/models/{Uri.EscapeDataString(model)}/fail-next", body);
        response.EnsureSuccessStatusCode();
    }

    public async Task SetLatencyAsync(string model, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PutAsync($"/control/models/{Uri.EscapeDataString(model)}/latency", content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The simulator's counters for one model (zeros if it never saw the model).</summary>
    public async Task<ModelStats> StatsAsync(string model)
    {
        using var response = await _http.GetAsync($"/control/stats/{Uri.EscapeDataString(model)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return new ModelStats(new JsonObject());
        response.EnsureSuccessStatusCode();
        return new ModelStats(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One model's counters at the simulator.</summary>
public sealed class ModelStats(JsonObject json)
{
    public long Requests => Long(json["requests"]);
    public long InFlight => Long(json["in_flight"]);
    public long PromptTokens => Long(json["prompt_tokens"]);
    public long CompletionTokens => Long(json["completion_tokens"]);
    public long PeakRequestsInAny60s => Long(json["peak_requests_in_any_60s"]);

    public long Outcome(string name) => Long(json["outcomes"]?[name]);

    public override string ToString() => json.ToJsonString();

    private static long Long(JsonNode? node) => node is null ? 0 : node.GetValue<long>();
}
