using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Platform.LlmSimulator.Hosting;
using Platform.Testing;

namespace Platform.Agents.Tests.Infrastructure;

/// <summary>llm-sim in the test process on a free loopback port: the provider behind routing, with its control API and counters.</summary>
public sealed class Simulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private Simulator(WebApplication app, string url)
    {
        _app = app;
        Url = url;
        _http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Url { get; }

    public static async Task<Simulator> StartAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort.Next()}";
            var app = SimulatorApplication.Create([], builder =>
            {
                // Only these settings: the test folder also holds other projects' appsettings.json.
                foreach (var json in builder.Configuration.Sources.OfType<JsonConfigurationSource>().ToList())
                    builder.Configuration.Sources.Remove(json);
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["urls"] = url,
                    ["Simulator:AcceptAnyModel"] = "true",
                    ["Logging:LogLevel:Default"] = "Warning",
                });
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

    /// <summary>A fixed latency for every non-streaming reply of <paramref name="model"/> (0 = none).</summary>
    public async Task SetLatencyAsync(string model, int milliseconds)
    {
        using var response = await _http.PutAsJsonAsync($"/control/models/{Uri.EscapeDataString(model)}/latency",
            new { latency = new { ms = milliseconds } });
        response.EnsureSuccessStatusCode();
    }

    public async Task<SimulatorStats> StatsAsync(string model)
    {
        using var response = await _http.GetAsync($"/control/stats/{Uri.EscapeDataString(model)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return new SimulatorStats(new JsonObject());
        response.EnsureSuccessStatusCode();
        return new SimulatorStats(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One model's counters at the simulator.</summary>
public sealed class SimulatorStats(JsonObject json)
{
    public long Requests => Long(json["requests"]);
    public long InFlight => Long(json["in_flight"]);

    public long Outcome(string name) => Long(json["outcomes"]?[name]);

    public override string ToString() => json.ToJsonString();

    private static long Long(JsonNode? node) => node is null ? 0 : node.GetValue<long>();
}
