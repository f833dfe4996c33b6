using Grpc.Core;
using Platform.Common.V1;
using Platform.Routing.Tests.Infrastructure;
using Platform.Routing.V1;

namespace Platform.Routing.Tests.Integration;

/// <summary>Malformed requests get precise statuses and reasons, and never reach a provider.</summary>
[Collection(PlatformFixture.Collection)]
public sealed class BadInputTests(PlatformFixture platform) : IAsyncLifetime
{
    private readonly string _scope = Guid.NewGuid().ToString("N")[..8];
    private readonly string _agent = Calls.Id("bad-agent");
    private RoutingReplica _routing = null!;

    private string Small => $"bad-small-{_scope}";
    private string Disabled => $"bad-disabled-{_scope}";

    public async Task InitializeAsync()
    {
        var settings = platform.RoutingSettings(_scope);
        settings.AddModel(Small, contextWindow: 1_000);
        settings.AddModel(Disabled, enabled: false);
        _routing = await RoutingReplica.StartAsync(settings);
        await platform.Budget.RegisterAgentAsync(_agent, Tier.Medium, hourlyTokenLimit: 100_000);
    }

    public async Task DisposeAsync() => await _routing.DisposeAsync();

    [Fact]
    public async Task Empty_messages_are_INVALID_ARGUMENT()
    {
        var request = new CompleteRequest { AgentId = _agent, Model = Small };
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () => _routing.Client.CompleteAsync(request, deadline: Calls.Deadline()).ResponseAsync);
    }

    [Fact]
    public async Task A_message_without_a_role_or_out_of_range_parameters_are_INVALID_ARGUMENT()
    {
        var noRole = Calls.Complete(_agent, Small);
        noRole.Messages[0].Role = ChatRole.Unspecified;
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, null, () => _routing.Client.CompleteAsync(noRole, deadline: Calls.Deadline()).ResponseAsync);

        var hot = Calls.Complete(_agent, Small);
        hot.Temperature = 2.5;
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, null, () => _routing.Client.CompleteAsync(hot, deadline: Calls.Deadline()).ResponseAsync);

        var zero = Calls.Complete(_agent, Small);
        zero.MaxTokens = 0;
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, null, () => _routing.Client.CompleteAsync(zero, deadline: Calls.Deadline()).ResponseAsync);
    }

    [Fact]
    public async Task An_unknown_model_is_NOT_FOUND_and_a_disabled_one_FAILED_PRECONDITION()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, "MODEL_NOT_FOUND",
            () => _routing.Client.CompleteAsync(Calls.Complete(_agent, "no-such-model-" + _scope), deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "MODEL_DISABLED",
            () => _routing.Client.CompleteAsync(Calls.Complete(_agent, Disabled), deadline: Calls.Deadline()).ResponseAsync);
    }

    [Fact]
    public async Task Max_tokens_beyond_the_models_window_is_INVALID_ARGUMENT()
    {
        var request = Calls.Complete(_agent, Small, maxTokens: 5_000);
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT",
            () => _routing.Client.CompleteAsync(request, deadline: Calls.Deadline()).ResponseAsync);
        Assert.Contains("max_tokens", error.Status.Detail);
    }

    [Fact]
    public async Task A_prompt_larger_than_every_window_is_PROMPT_TOO_LARGE()
    {
        var request = Calls.Complete(_agent, "", new string('x', 2_000_000), maxTokens: 10);
        request.Hints = new RoutingHints { AllowedModels = { Small } };
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "PROMPT_TOO_LARGE",
            () => _routing.Client.CompleteAsync(request, deadline: Calls.Deadline()).ResponseAsync);
    }

    [Fact]
    public async Task An_oversized_payload_is_RESOURCE_EXHAUSTED_at_the_transport()
    {
        var request = Calls.Complete(_agent, Small, new string('x', 5 * 1024 * 1024));
        await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, null, () => _routing.Client.CompleteAsync(request, deadline: Calls.Deadline()).ResponseAsync);
    }

    [Fact]
    public async Task An_unregistered_agent_is_NOT_FOUND_and_a_tier_override_above_the_agent_INVALID_ARGUMENT()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, "AGENT_NOT_FOUND",
            () => _routing.Client.CompleteAsync(Calls.Complete("nobody-" + _scope, Small), deadline: Calls.Deadline()).ResponseAsync);

        var raised = Calls.Complete(_agent, Small);
        raised.TierOverride = Tier.Critical;
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, null, () => _routing.Client.CompleteAsync(raised, deadline: Calls.Deadline()).ResponseAsync);
    }

    [Fact]
    public async Task Bad_requests_never_reach_the_provider()
    {
        await Assert.ThrowsAsync<RpcException>(() => _routing.Client.CompleteAsync(new CompleteRequest { AgentId = _agent, Model = Small }, deadline: Calls.Deadline()).ResponseAsync);
        await Assert.ThrowsAsync<RpcException>(() => _routing.Client.CompleteAsync(Calls.Complete(_agent, Small, maxTokens: 5_000), deadline: Calls.Deadline()).ResponseAsync);
        Assert.Equal(0, (await platform.Simulator.StatsAsync(Small)).Requests);
    }
}
