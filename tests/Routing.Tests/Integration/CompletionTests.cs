using Grpc.Core;
using Platform.Common.V1;
using Platform.Redis;
using Platform.Routing.Tests.Infrastructure;
using Platform.Routing.V1;
using Microsoft.Extensions.DependencyInjection;
using Platform.Metrics.V1;

namespace Platform.Routing.Tests.Integration;

/// <summary>Unary and streamed completions through a real routing replica, the real budget service and llm-sim.</summary>
[Collection(PlatformFixture.Collection)]
public sealed class CompletionTests(PlatformFixture platform) : IAsyncLifetime
{
    private readonly string _scope = Guid.NewGuid().ToString("N")[..8];
    private RoutingReplica _routing = null!;

    private string Primary => $"cmp-primary-{_scope}";
    private string Backup => $"cmp-backup-{_scope}";

    public async Task InitializeAsync()
    {
        var settings = platform.RoutingSettings(_scope);
        settings.AddModel(Primary, inputPrice: 1_000_000, outputPrice: 2_000_000);
        settings.AddModel(Backup, inputPrice: 3_000_000, outputPrice: 3_000_000);
        settings.AddFallbackChain(Primary, Backup);
        _routing = await RoutingReplica.StartAsync(settings);
    }

    public async Task DisposeAsync() => await _routing.DisposeAsync();

    [Fact]
    public async Task Complete_returns_the_providers_answer_with_usage_and_cost_and_commits_it_to_the_budget()
    {
        var agent = Calls.Id("cmp-agent");
        await platform.Budget.RegisterAgentAsync(agent, Tier.High, hourlyTokenLimit: 100_000);

        var response = await _routing.Client.CompleteAsync(Calls.Complete(agent, Primary), deadline: Calls.Deadline());

        Assert.Equal(Primary, response.Model);
        Assert.Equal("sim", response.Provider);
        Assert.False(string.IsNullOrEmpty(response.Content));
        Assert.Equal(0, response.FallbackDepth);
        Assert.Equal(1, response.AttemptCount);
        Assert.True(response.Usage.InputTokens > 0 && response.Usage.OutputTokens > 0);
        Assert.Equal(response.Usage.InputTokens + response.Usage.OutputTokens, response.Usage.TotalTokens);
        var expectedCost = (response.Usage.InputTokens * 1_000_000 + response.Usage.OutputTokens * 2_000_000 + 999_999) / 1_000_000;
        Assert.Equal(expectedCost, response.CostMicros);
        Assert.False(string.IsNullOrEmpty(response.ReservationId));
        Assert.Equal(Tier.High, response.Tier);

        await _routing.FlushAsync();
        var usage = await platform.Budget.UsageAsync(agent);
        Assert.Equal(response.Usage.TotalTokens, usage.HourlyTokens.Used);
        Assert.Equal(0, usage.HourlyTokens.Reserved);
    }

    [Fact]
    public async Task Every_call_is_published_to_the_metrics_stream_as_a_CallEvent()
    {
        var agent = Calls.Id("cmp-events");
        await platform.Budget.RegisterAgentAsync(agent, Tier.Medium, hourlyTokenLimit: 100_000);

        var response = await _routing.Client.CompleteAsync(Calls.Complete(agent, Primary), deadline: Calls.Deadline());
        await _routing.FlushAsync();

        var redis = _routing.Services.GetRequiredService<IRedisDatabase>();
        var entries = await redis.StreamRangeAsync("metrics:calls:" + _scope);
        var events = entries.Select(e => CallEvent.Parser.ParseFrom((byte[])e.Values.Single(v => v.Name == "event").Value!)).ToList();
        var call = Assert.Single(events, e => e.RequestId == response.RequestId);
        Assert.Equal(CallStatus.Ok, call.Status);
        Assert.Equal(agent, call.AgentId);
        Assert.Equal(Primary, call.Model);
        Assert.Equal(Tier.Medium, call.Tier);
        Assert.Equal(response.Usage.InputTokens, call.InputTokens);
        Assert.Equal(response.Usage.OutputTokens, call.OutputTokens);
        Assert.Equal(response.CostMicros, call.CostMicros);
        Assert.Equal(1, call.AttemptCount);
        Assert.Equal("routing", call.Source);
    }

    [Fact]
    public async Task StreamComplete_relays_started_deltas_and_a_completed_summary_with_the_same_text_as_Complete()
    {
        var agent = Calls.Id("cmp-stream");
        await platform.Budget.RegisterAgentAsync(agent, Tier.High, hourlyTokenLimit: 100_000);
        var unary = await _routing.Client.CompleteAsync(Calls.Complete(agent, Primary, "same prompt"), deadline: Calls.Deadline());

        using var call = _routing.Client.StreamComplete(Calls.Stream(agent, Primary, "same prompt"), deadline: Calls.Deadline());
        var messages = new List<StreamCompleteResponse>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
            messages.Add(call.ResponseStream.Current);

        Assert.Equal(StreamCompleteResponse.EventOneofCase.Started, messages[0].EventCase);
        Assert.Equal(Primary, messages[0].Started.Model);
        Assert.Equal(StreamCompleteResponse.EventOneofCase.Completed, messages[^1].EventCase);
        var deltas = messages.Skip(1).SkipLast(1).ToList();
        Assert.All(deltas, m => Assert.Equal(StreamCompleteResponse.EventOneofCase.Delta, m.EventCase));
        Assert.Equal(unary.Content, string.Concat(deltas.Select(d => d.Delta.Content)));
        var completed = messages[^1].Completed;
        Assert.Equal("", completed.Content);
        Assert.Equal(unary.Usage.TotalTokens, completed.Usage.TotalTokens);
        Assert.Equal(messages[0].Started.RequestId, completed.RequestId);
    }

    [Fact]
    public async Task A_5xx_from_the_primary_falls_back_to_the_next_model_of_the_chain()
    {
        var agent = Calls.Id("cmp-fallback");
        await platform.Budget.RegisterAgentAsync(agent, Tier.High, hourlyTokenLimit: 100_000);
        await platform.Simulator.FailNextAsync(Primary, 1, "server_error", 503);

        var response = await _routing.Client.CompleteAsync(Calls.Complete(agent, Primary), deadline: Calls.Deadline());

        Assert.Equal(Backup, response.Model);
        Assert.Equal(1, response.FallbackDepth);
        Assert.Equal(2, response.AttemptCount);
        Assert.Equal(AttemptStatus.ServerError, response.Attempts[0].Status);
        Assert.Equal(503, response.Attempts[0].HttpStatus);
        Assert.Equal(AttemptStatus.Ok, response.Attempts[1].Status);
        // Billed once, at the serving model's price; the failed attempt's hold was released.
        await _routing.FlushAsync();
        var usage = await platform.Budget.UsageAsync(agent);
        Assert.Equal(response.Usage.TotalTokens, usage.HourlyTokens.Used);
        Assert.Equal(0, usage.HourlyTokens.Reserved);
    }

    [Fact]
    public async Task The_response_cache_answers_an_identical_request_at_no_cost_when_asked_to()
    {
        var agent = Calls.Id("cmp-cache");
        await platform.Budget.RegisterAgentAsync(agent, Tier.High, hourlyTokenLimit: 100_000);
        var request = Calls.Complete(agent, Backup, "cache me " + _scope);
        request.CacheMode = CacheMode.Enabled;

        var first = await _routing.Client.CompleteAsync(request, deadline: Calls.Deadline());
        await _routing.FlushAsync();
        var second = await _routing.Client.CompleteAsync(request, deadline: Calls.Deadline());

        Assert.False(first.CacheHit);
        Assert.True(second.CacheHit);
        Assert.Equal(first.Content, second.Content);
        Assert.Equal(0, second.CostMicros);
        Assert.Equal(0, second.AttemptCount);
        Assert.NotEqual(first.RequestId, second.RequestId);
        Assert.Equal(1, (await platform.Simulator.StatsAsync(Backup)).Requests);
        await _routing.FlushAsync();
        Assert.Equal(first.Usage.TotalTokens, (await platform.Budget.UsageAsync(agent)).HourlyTokens.Used);

        request.CacheMode = CacheMode.Disabled;
        Assert.False((await _routing.Client.CompleteAsync(request, deadline: Calls.Deadline())).CacheHit);
    }

    [Fact]
    public async Task ListModelHealth_pages_through_every_model_in_name_order()
    {
        var first = await _routing.Client.ListModelHealthAsync(new ListModelHealthRequest { PageSize = 1, Provider = "sim" }, deadline: Calls.Deadline());
        var second = await _routing.Client.ListModelHealthAsync(new ListModelHealthRequest { PageSize = 1, Provider = "sim", PageToken = first.NextPageToken }, deadline: Calls.Deadline());

        Assert.Equal([Backup], first.Models.Select(m => m.Model));
        Assert.Equal([Primary], second.Models.Select(m => m.Model));
        Assert.Equal("", second.NextPageToken);
        Assert.All(first.Models.Concat(second.Models), m => Assert.True(m.Enabled && m.ConcurrencyLimit >= 1));
    }
}
