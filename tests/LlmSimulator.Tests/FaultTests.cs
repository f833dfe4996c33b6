using System.Net;
using System.Text.Json.Nodes;
using Platform.LlmSimulator.Configuration;
using Platform.LlmSimulator.Faults;
using static Platform.LlmSimulator.Tests.SimulatorServer;

namespace Platform.LlmSimulator.Tests;

/// <summary>Each fault kind, seen from a real HTTP client against a real Kestrel socket.</summary>
public sealed class FaultTests
{
    private static object Body(string model, bool stream = false) => new { model, stream, messages = new[] { UserMessage("Do the thing.") } };

    [Fact]
    public async Task Rate_limited_is_429_with_retry_after_and_an_openai_error()
    {
        await using var sim = await StartAsync();
        await sim.FailNextAsync("m", new { count = 1, fault = "rate_limited", retry_after_seconds = 2.5 });

        using var response = await sim.PostChatAsync(Body("m"));
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
        Assert.Equal("2500", response.Headers.GetValues("retry-after-ms").Single());
        Assert.Equal("rate_limit_exceeded", (string)error["code"]!);
        Assert.Equal(1, ChatResponse.Outcome(await sim.ModelStatsAsync("m"), "rate_limited"));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Server_errors_return_the_requested_5xx(int status)
    {
        await using var sim = await StartAsync();
        await sim.FailNextAsync("m", new { count = 2, fault = "server_error", status_code = status });

        using var first = await sim.PostChatAsync(Body("m"));
        using var second = await sim.PostChatAsync(Body("m"));
        using var third = await sim.PostChatAsync(Body("m"));

        Assert.Equal(status, (int)first.StatusCode);
        Assert.Equal(status, (int)second.StatusCode);
        Assert.Equal("server_error", (string)JsonNode.Parse(await first.Content.ReadAsStringAsync())!["error"]!["type"]!);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        var stats = await sim.ModelStatsAsync("m");
        Assert.Equal(2, ChatResponse.Outcome(stats, "server_error"));
        Assert.Equal(2, (long)stats["status_codes"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!);
    }

    [Fact]
    public async Task Fail_next_batches_are_consumed_in_order()
    {
        await using var sim = await StartAsync();
        await sim.FailNextAsync("m", new { count = 1, fault = "server_error", status_code = 502 });
        await sim.FailNextAsync("m", new { count = 2, fault = "rate_limited" });

        var codes = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await sim.PostChatAsync(Body("m"));
            codes.Add((int)response.StatusCode);
        }

        Assert.Equal([502, 429, 429, 200], codes);
    }

    [Fact]
    public async Task The_fault_header_forces_a_fault_on_one_request()
    {
        await using var sim = await StartAsync();

        using var limited = await sim.PostChatAsync(Body("m"), ("x-sim-fault", "rate_limited:7"));
        using var failed = await sim.PostChatAsync(Body("m"), ("x-sim-fault", "server_error:502"));
        using var fine = await sim.PostChatAsync(Body("m"));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Fact]
    public async Task A_hang_holds_the_request_until_the_client_times_out_and_is_counted_as_cancelled()
    {
        await using var sim = await StartAsync();
        await sim.FailNextAsync("m", new { count = 1, fault = "hang", hang_seconds = 300 });
        using var impatient = new HttpClient { BaseAddress = new Uri(sim.BaseUrl), Timeout = TimeSpan.FromSeconds(1) };

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() =>
            impatient.PostAsync("/v1/chat/completions", new StringContent(System.Text.Json.JsonSerializer.Serialize(Body("m")))));

        var stats = await sim.WaitForStatsAsync("m", s => ChatResponse.Outcome(s, "cancelled") == 1);
        Assert.Equal(1, ChatResponse.Outcome(stats, "cancelled"));
        Assert.Equal(1, (long)stats["hangs"]!);
        Assert.Equal(0, (long)stats["in_flight"]!);
    }

    [Fact]
    public async Task A_hang_shorter_than_the_client_timeout_ends_in_a_normal_reply()
    {
        await using var sim = await StartAsync();
        await sim.FailNextAsync("m", new { count = 1, fault = "hang", hang_seconds = 0.05 });

        var body = await sim.CompleteAsync(Body("m"));

        Assert.Equal("stop", ChatResponse.FinishReason(body));
        Assert.Equal(1, (long)(await sim.ModelStatsAsync("m"))["hangs"]!);
    }

    [Fact]
    public async Task A_dropped_connection_is_a_connection_error_for_the_client()
    {
        await using var sim = await StartAsync();
        await sim.FailNextAsync("m", new { count = 1, fault = "drop_connection" });

        await Assert.ThrowsAsync<HttpRequestException>(() => sim.PostChatAsync(Body("m")));

        using var next = await sim.PostChatAsync(Body("m"));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(1, ChatResponse.Outcome(await sim.ModelStatsAsync("m"), "dropped"));
    }

    [Fact]
    public async Task A_dropped_stream_breaks_off_midway()
    {
        await using var sim = await StartAsync();
        await sim.FailNextAsync("m", new { count = 1, fault = "drop_connection" });

        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await sim.PostChatAsync(Body("m", stream: true));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await response.Content.ReadAsStringAsync();
        });

        Assert.True(error is HttpRequestException or IOException, $"expected a connection error, got {error?.GetType().Name ?? "none"}");
        Assert.Equal(1, ChatResponse.Outcome(await sim.ModelStatsAsync("m"), "dropped"));
    }

    [Fact]
    public async Task Shares_give_exactly_the_counts_the_seeded_draw_predicts()
    {
        await using var sim = await StartAsync();
        var faults = new FaultOptions { RateLimited = 0.1, ServerError = 0.15, DropConnection = 0.05, Seed = 12345 };
        await sim.PutFaultsAsync("chaos", new { rate_limited = 0.1, server_error = 0.15, drop_connection = 0.05, seed = 12345 });
        const int requests = 200;

        var observed = await SendAndClassifyAsync(sim, "chaos", requests);

        var expected = new Dictionary<string, int>();
        var shares = FaultShares.Create(faults, "chaos");
        for (var n = 0; n < requests; n++)
        {
            var fault = FaultRoll.Decide(shares, n);
            var key = fault.Kind switch
            {
                FaultKind.RateLimited => "429",
                FaultKind.ServerError => fault.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
                FaultKind.DropConnection => "dropped",
                _ => "200",
            };
            expected[key] = expected.GetValueOrDefault(key) + 1;
        }
        Assert.Equal(expected.OrderBy(p => p.Key), observed.OrderBy(p => p.Key));

        // Pinned so that a change to the draw (which would break reproducibility of old runs) is noticed.
        Assert.Equal(new Dictionary<string, int> { ["200"] = 126, ["429"] = 28, ["500"] = 15, ["502"] = 9, ["503"] = 9, ["dropped"] = 13 }.OrderBy(p => p.Key), observed.OrderBy(p => p.Key));

        var stats = await sim.ModelStatsAsync("chaos");
        Assert.Equal(expected["429"], ChatResponse.Outcome(stats, "rate_limited"));
        Assert.Equal(expected["dropped"], ChatResponse.Outcome(stats, "dropped"));
    }

    [Fact]
    public async Task Setting_the_same_shares_again_replays_the_same_sequence()
    {
        await using var sim = await StartAsync();
        var shares = new { rate_limited = 0.2, server_error = 0.2, seed = 99 };

        await sim.PutFaultsAsync("replay", shares);
        var first = await SendAndClassifyAsync(sim, "replay", 50, sequence: true);
        await sim.PutFaultsAsync("replay", shares);
        var second = await SendAndClassifyAsync(sim, "replay", 50, sequence: true);

        Assert.Equal(first, second);
    }

    /// <summary>Sends requests one by one and counts them by status code ("dropped" for a connection error).</summary>
    private static async Task<Dictionary<string, int>> SendAndClassifyAsync(SimulatorServer sim, string model, int count, bool sequence = false)
    {
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < count; i++)
        {
            string key;
            try
            {
                using var response = await sim.PostChatAsync(Body(model));
                key = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException)
            {
                key = "dropped";
            }
            // In sequence mode the key records position too, so equal dictionaries mean equal sequences.
            counts[sequence ? $"{i}:{key}" : key] = counts.GetValueOrDefault(sequence ? $"{i}:{key}" : key) + 1;
        }
        return counts;
    }
}
