using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Platform.LlmSimulator.Hosting;
using Platform.Testing;

namespace Platform.LlmSimulator.Tests;

/// <summary>The simulator on a real Kestrel socket on a free loopback port, with test settings laid over appsettings.json.</summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatorServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
    }

    public string BaseUrl { get; }

    public HttpClient Client { get; }

    /// <param name="settings">Configuration keys such as <c>Simulator:Models:m:Script</c>. Latency is off unless a test sets Simulator:LatencyScale.</param>
    public static async Task<SimulatorServer> StartAsync(IDictionary<string, string?>? settings = null)
    {
        // A free port can be taken by a parallel test between probing and binding: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
            var app = SimulatorApplication.Create([], builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["urls"] = baseUrl,
                    ["Logging:LogLevel:Default"] = "Warning",
                    ["Simulator:LatencyScale"] = "0",
                });
                if (settings is not null)
                {
                    builder.Configuration.AddInMemoryCollection(settings);
                }
            });
            try
            {
                await app.StartAsync();
                return new SimulatorServer(app, baseUrl);
            }
            catch (IOException) when (attempt < 5)
            {
                await app.DisposeAsync();
            }
        }
    }

    public static object UserMessage(string content) => new { role = "user", content };

    public Task<HttpResponseMessage> PostChatAsync(object body, params (string Name, string Value)[] headers) =>
        PostJsonAsync("/v1/chat/completions", JsonSerializer.Serialize(body), headers);

    public async Task<HttpResponseMessage> PostJsonAsync(string path, string json, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await Client.SendAsync(request);
    }

    /// <summary>Posts a chat request that must succeed and returns its JSON body.</summary>
    public async Task<JsonNode> CompleteAsync(object body, params (string Name, string Value)[] headers)
    {
        using var response = await PostChatAsync(body, headers);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task PutFaultsAsync(string model, object faults)
    {
        using var response = await Client.PutAsync($"/control/models/{model}/faults", JsonContent.Create(faults));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task FailNextAsync(string model, object request)
    {
        using var response = await Client.PostAsync($"/control/models/{model}/fail-next", JsonContent.Create(request));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonNode> ModelStatsAsync(string model) =>
        JsonNode.Parse(await Client.GetStringAsync($"/control/stats/{model}"))!;

    /// <summary>Polls a model's stats until <paramref name="condition"/> holds (bounded by a generous deadline) and returns them.</summary>
    public async Task<JsonNode> WaitForStatsAsync(string model, Func<JsonNode, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var stats = await ModelStatsAsync(model);
            if (condition(stats) || DateTime.UtcNow > deadline)
            {
                return stats;
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
