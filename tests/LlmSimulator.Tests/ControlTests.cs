using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Platform.LlmSimulator.Tests.SimulatorServer;

namespace Platform.LlmSimulator.Tests;

public sealed class ControlTests
{
    private static object Body(string model) => new { model, messages = new[] { UserMessage("hi") } };

    [Fact]
    public async Task Invalid_fault_settings_are_rejected()
    {
        await using var sim = await StartAsync();

        using var tooMuch = await sim.Client.PutAsJsonAsync("/control/models/m/faults", new { rate_limited = 0.7, server_error = 0.5 });
        using var typo = await sim.Client.PutAsJsonAsync("/control/models/m/faults", new { rate_limit = 0.1 });
        using var badCode = await sim.Client.PutAsJsonAsync("/control/models/m/faults", new { server_error = 0.1, server_error_codes = new[] { 404 } });

        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
    }

    [Fact]
    public async Task Delete_clears_faults_and_reset_restores_configuration()
    {
        await using var sim = await StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:Models:flaky:Faults:ServerError"] = "1",
            ["Simulator:Models:flaky:Faults:ServerErrorCodes:0"] = "500",
        });

        Assert.Equal(HttpStatusCode.InternalServerError, (await sim.PostChatAsync(Body("flaky"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await sim.Client.DeleteAsync("/control/models/flaky/faults")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sim.PostChatAsync(Body("flaky"))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await sim.Client.PostAsync("/control/reset", null)).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await sim.PostChatAsync(Body("flaky"))).StatusCode);
        Assert.Equal(1, (long)(await sim.ModelStatsAsync("flaky"))["requests"]!);
    }

    [Fact]
    public async Task Star_applies_faults_to_every_known_model()
    {
        await using var sim = await StartAsync();

        await sim.PutFaultsAsync("*", new { rate_limited = 1.0 });

        Assert.Equal(HttpStatusCode.TooManyRequests, (await sim.PostChatAsync(Body("gpt-4.1"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sim.PostChatAsync(Body("deepseek-v3.2"))).StatusCode);
    }

    [Fact]
    public async Task Faults_and_models_can_be_read_back()
    {
        await using var sim = await StartAsync();
        await sim.PutFaultsAsync("gpt-4.1", new { hang = 0.25, hang_seconds = 30 });
        await sim.FailNextAsync("gpt-4.1", new { count = 3, fault = "rate_limited" });

        var faults = JsonNode.Parse(await sim.Client.GetStringAsync("/control/models/gpt-4.1/faults"))!;
        var models = JsonNode.Parse(await sim.Client.GetStringAsync("/control/models"))!.AsArray();

        Assert.Equal(0.25, (double)faults["hang"]!);
        Assert.Equal(30, (double)faults["hang_seconds"]!);
        var model = models.Single(m => (string)m!["name"]! == "gpt-4.1")!;
        Assert.Equal(3, (int)model["pending_scheduled_faults"]!);
        Assert.Equal("lognormal", (string)model["latency"]!["distribution"]!);
    }

    [Fact]
    public async Task Latency_can_be_changed_at_run_time()
    {
        await using var sim = await StartAsync();

        using var changed = await sim.Client.PutAsJsonAsync("/control/models/gpt-4.1/latency", new { latency = new { distribution = "uniform", min_ms = 1, max_ms = 2 } });
        using var invalid = await sim.Client.PutAsJsonAsync("/control/models/gpt-4.1/latency", new { per_token = new { distribution = "uniform", min_ms = 5 } });
        var model = JsonNode.Parse(await changed.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("uniform", (string)model["latency"]!["distribution"]!);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task Unknown_models_are_404_for_control_when_any_model_is_not_accepted()
    {
        await using var sim = await StartAsync(new Dictionary<string, string?> { ["Simulator:AcceptAnyModel"] = "false" });

        using var response = await sim.Client.PutAsJsonAsync("/control/models/nope/faults", new { rate_limited = 0.5 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
