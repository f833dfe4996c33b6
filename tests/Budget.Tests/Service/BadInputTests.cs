using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Budget.Tests.Infrastructure;
using Platform.Budget.V1;
using Platform.Common.V1;
using P = Platform.Budget.Tests.Infrastructure.Proto;

namespace Platform.Budget.Tests.Service;

/// <summary>Issue point 9: every bad input gets a precise status and a message that says what to fix.</summary>
public sealed class BadInputTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private BudgetService.BudgetServiceClient Client => fixture.Deployment.Client();

    [Fact]
    public async Task Reserve_rejects_malformed_requests_naming_the_field()
    {
        await RegisterAsync("bad-reserve", Tier.High, 10_000);
        var good = P.Reserve("bad-reserve", 10, 10);

        await ExpectAsync(StatusCode.InvalidArgument, "agent_id", Client.ReserveAsync(Clone(good, r => r.AgentId = "")).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "agent_id", Client.ReserveAsync(Clone(good, r => r.AgentId = "has spaces")).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "agent_id", Client.ReserveAsync(Clone(good, r => r.AgentId = new string('a', 129))).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "idempotency_key", Client.ReserveAsync(Clone(good, r => r.IdempotencyKey = "")).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "idempotency_key", Client.ReserveAsync(Clone(good, r => r.IdempotencyKey = "tab\there")).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "estimated_input_tokens", Client.ReserveAsync(Clone(good, r => r.EstimatedInputTokens = -1)).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "max_output_tokens", Client.ReserveAsync(Clone(good, r => r.MaxOutputTokens = 0)).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "max_output_tokens", Client.ReserveAsync(Clone(good, r => r.MaxOutputTokens = 1_000_000_000_000)).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "price.input_micros_per_mtok",
            Client.ReserveAsync(Clone(good, r => r.Price = new ModelPrice { InputMicrosPerMtok = -5 })).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "price.output_micros_per_mtok",
            Client.ReserveAsync(Clone(good, r => r.Price = new ModelPrice { OutputMicrosPerMtok = long.MaxValue })).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "ttl", Client.ReserveAsync(Clone(good, r => r.Ttl = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(500)))).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "ttl", Client.ReserveAsync(Clone(good, r => r.Ttl = Duration.FromTimeSpan(TimeSpan.FromMinutes(20)))).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "ttl", Client.ReserveAsync(Clone(good, r => r.Ttl = new Duration { Seconds = 5, Nanos = -3 })).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "model", Client.ReserveAsync(Clone(good, r => r.Model = new string('m', 300))).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "tier_override", Client.ReserveAsync(Clone(good, r => r.TierOverride = (Tier)99)).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "tier_override", Client.ReserveAsync(Clone(good, r => r.TierOverride = Tier.Critical)).ResponseAsync);
    }

    [Fact]
    public async Task Reserve_names_unknown_retired_unpriced_and_reused_precisely()
    {
        await RegisterAsync("bad-retired", Tier.High, 10_000);
        await Client.RetireAgentAsync(new RetireAgentRequest { AgentId = "bad-retired" });
        await RegisterAsync("bad-usd", Tier.High, null, 1_000_000);
        await RegisterAsync("bad-reuse", Tier.High, 10_000);
        await Client.ReserveAsync(P.Reserve("bad-reuse", 10, 10, key: "same-key"));

        var unknown = await ExpectAsync(StatusCode.NotFound, "nobody-here", Client.ReserveAsync(P.Reserve("nobody-here", 1, 1)).ResponseAsync);
        var retired = await ExpectAsync(StatusCode.FailedPrecondition, "retired", Client.ReserveAsync(P.Reserve("bad-retired", 1, 1)).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "price", Client.ReserveAsync(P.Reserve("bad-usd", 1, 1)).ResponseAsync);
        var reused = await ExpectAsync(StatusCode.AlreadyExists, "same-key", Client.ReserveAsync(P.Reserve("bad-reuse", 10, 11, key: "same-key")).ResponseAsync);

        Assert.Equal("AGENT_NOT_FOUND", unknown.Trailers.GetValue("platform-error-reason"));
        Assert.Equal("AGENT_RETIRED", retired.Trailers.GetValue("platform-error-reason"));
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", reused.Trailers.GetValue("platform-error-reason"));
    }

    [Fact]
    public async Task Commit_release_and_extend_refuse_what_cannot_be_done()
    {
        await RegisterAsync("bad-settle", Tier.High, 10_000);
        var committed = (await Client.ReserveAsync(P.Reserve("bad-settle", 10, 10))).Reservation.ReservationId;
        await Client.CommitAsync(P.Commit(committed, 10, 5));
        var released = (await Client.ReserveAsync(P.Reserve("bad-settle", 10, 10))).Reservation.ReservationId;
        await Client.ReleaseAsync(new ReleaseRequest { ReservationId = released });

        await ExpectAsync(StatusCode.NotFound, "r1-unknown", Client.CommitAsync(P.Commit("r1-unknown", 1, 1)).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "reservation_id", Client.CommitAsync(P.Commit("", 1, 1)).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "usage", Client.CommitAsync(new CommitRequest { ReservationId = committed }).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "usage.output_tokens", Client.CommitAsync(P.Commit(committed, 1, -1)).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "cost_micros",
            Client.CommitAsync(new CommitRequest { ReservationId = committed, Usage = new TokenUsage(), CostMicros = -1 }).ResponseAsync);
        await ExpectAsync(StatusCode.FailedPrecondition, "already committed", Client.CommitAsync(P.Commit(committed, 10, 6)).ResponseAsync);
        await ExpectAsync(StatusCode.FailedPrecondition, "released", Client.CommitAsync(P.Commit(released, 1, 1)).ResponseAsync);
        await ExpectAsync(StatusCode.FailedPrecondition, "committed", Client.ReleaseAsync(new ReleaseRequest { ReservationId = committed }).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "reason",
            Client.ReleaseAsync(new ReleaseRequest { ReservationId = released, Reason = (ReleaseReason)42 }).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "message",
            Client.ReleaseAsync(new ReleaseRequest { ReservationId = released, Message = new string('x', 2000) }).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "ttl", Client.ExtendReservationAsync(new ExtendReservationRequest { ReservationId = released }).ResponseAsync);
        await ExpectAsync(StatusCode.FailedPrecondition, "RELEASED",
            Client.ExtendReservationAsync(new ExtendReservationRequest { ReservationId = released, Ttl = Duration.FromTimeSpan(TimeSpan.FromMinutes(1)) }).ResponseAsync);
        Assert.True((await Client.ReleaseAsync(new ReleaseRequest { ReservationId = released })).AlreadySettled);
        Assert.True((await Client.CommitAsync(P.Commit(committed, 10, 5))).Duplicate);
    }

    [Fact]
    public async Task Registry_calls_reject_invalid_specs_masks_and_stale_etags()
    {
        await ExpectAsync(StatusCode.InvalidArgument, "agent", Client.RegisterAgentAsync(new RegisterAgentRequest()).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "agent.tier", Client.RegisterAgentAsync(new RegisterAgentRequest { Agent = P.Agent("bad-tier", Tier.Unspecified) }).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "hourly_token_limit",
            Client.RegisterAgentAsync(new RegisterAgentRequest { Agent = P.Agent("bad-limit", Tier.Low, -5) }).ResponseAsync);
        var threshold = P.Agent("bad-threshold", Tier.Low, 5);
        threshold.WarningThresholdPercent = 101;
        await ExpectAsync(StatusCode.InvalidArgument, "warning_threshold_percent", Client.RegisterAgentAsync(new RegisterAgentRequest { Agent = threshold }).ResponseAsync);
        var labels = P.Agent("bad-labels", Tier.Low, 5);
        labels.Labels.Add(new string('k', 64), "v");
        await ExpectAsync(StatusCode.InvalidArgument, "labels", Client.RegisterAgentAsync(new RegisterAgentRequest { Agent = labels }).ResponseAsync);

        var agent = await RegisterAsync("bad-update", Tier.Medium, 1_000);
        Assert.False((await Client.RegisterAgentAsync(new RegisterAgentRequest { Agent = P.Agent("bad-update", Tier.Medium, 1_000) })).Created);
        await ExpectAsync(StatusCode.AlreadyExists, "UpdateAgent",
            Client.RegisterAgentAsync(new RegisterAgentRequest { Agent = P.Agent("bad-update", Tier.High, 1_000) }).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "update_mask", Client.UpdateAgentAsync(new UpdateAgentRequest { Agent = agent }).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "colour", Client.UpdateAgentAsync(new UpdateAgentRequest { Agent = agent, UpdateMask = Mask("colour") }).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "immutable", Client.UpdateAgentAsync(new UpdateAgentRequest { Agent = agent, UpdateMask = Mask("agent_id") }).ResponseAsync);
        await ExpectAsync(StatusCode.NotFound, "ghost",
            Client.UpdateAgentAsync(new UpdateAgentRequest { Agent = P.Agent("ghost", Tier.Low), UpdateMask = Mask("team") }).ResponseAsync);
        var updated = (await Client.UpdateAgentAsync(new UpdateAgentRequest { Agent = Clone(agent, a => a.Team = "new"), UpdateMask = Mask("team") })).Agent;
        Assert.NotEqual(agent.Etag, updated.Etag);
        await ExpectAsync(StatusCode.Aborted, "etag",
            Client.UpdateAgentAsync(new UpdateAgentRequest { Agent = Clone(agent, a => a.Team = "stale"), UpdateMask = Mask("team") }).ResponseAsync);
        await Client.RetireAgentAsync(new RetireAgentRequest { AgentId = "bad-update" });
        await ExpectAsync(StatusCode.FailedPrecondition, "retired",
            Client.UpdateAgentAsync(new UpdateAgentRequest { Agent = P.Agent("bad-update", Tier.Low), UpdateMask = Mask("team") }).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "agent_id", Client.GetAgentAsync(new GetAgentRequest()).ResponseAsync);
        await ExpectAsync(StatusCode.NotFound, "ghost", Client.GetAgentAsync(new GetAgentRequest { AgentId = "ghost" }).ResponseAsync);
        await ExpectAsync(StatusCode.NotFound, "ghost", Client.RetireAgentAsync(new RetireAgentRequest { AgentId = "ghost" }).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "page_size", Client.ListAgentsAsync(new ListAgentsRequest { PageSize = -1 }).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "page_token", Client.ListAgentsAsync(new ListAgentsRequest { PageToken = "garbage!" }).ResponseAsync);
    }

    [Fact]
    public async Task Fleet_updates_enforce_the_tier_rules()
    {
        var fleet = (await Client.GetFleetBudgetAsync(new GetFleetBudgetRequest())).FleetBudget;
        Assert.Equal([40, 30, 20, 10], fleet.TierPolicies.Select(p => p.SharePercent));

        var shares = fleet.Clone();
        shares.TierPolicies[0].SharePercent = 50;
        await ExpectAsync(StatusCode.InvalidArgument, "sum to 100", Client.UpdateFleetBudgetAsync(new UpdateFleetBudgetRequest { FleetBudget = shares, UpdateMask = Mask("tier_policies") }).ResponseAsync);
        var lendCritical = fleet.Clone();
        lendCritical.TierPolicies[1].BorrowFrom.Add(Tier.Critical);
        await ExpectAsync(StatusCode.InvalidArgument, "never lent",
            Client.UpdateFleetBudgetAsync(new UpdateFleetBudgetRequest { FleetBudget = lendCritical, UpdateMask = Mask("tier_policies") }).ResponseAsync);
        var missing = fleet.Clone();
        missing.TierPolicies.RemoveAt(3);
        await ExpectAsync(StatusCode.InvalidArgument, "exactly one policy",
            Client.UpdateFleetBudgetAsync(new UpdateFleetBudgetRequest { FleetBudget = missing, UpdateMask = Mask("tier_policies") }).ResponseAsync);
        var ttl = fleet.Clone();
        ttl.DefaultReservationTtl = Duration.FromTimeSpan(TimeSpan.FromHours(1));
        await ExpectAsync(StatusCode.InvalidArgument, "default_reservation_ttl",
            Client.UpdateFleetBudgetAsync(new UpdateFleetBudgetRequest { FleetBudget = ttl, UpdateMask = Mask("default_reservation_ttl") }).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "update_mask", Client.UpdateFleetBudgetAsync(new UpdateFleetBudgetRequest { FleetBudget = fleet }).ResponseAsync);
        var stale = fleet.Clone();
        stale.Etag = "12345";
        await ExpectAsync(StatusCode.Aborted, "etag",
            Client.UpdateFleetBudgetAsync(new UpdateFleetBudgetRequest { FleetBudget = stale, UpdateMask = Mask("default_warning_threshold_percent") }).ResponseAsync);
    }

    [Fact]
    public async Task Reports_events_reallocation_and_ledger_queries_validate_their_inputs()
    {
        await ExpectAsync(StatusCode.InvalidArgument, "page_token", Client.GetUsageReportAsync(new GetUsageReportRequest { PageToken = "nope" }).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "lookback",
            Client.PreviewReallocationAsync(new PreviewReallocationRequest { Lookback = Duration.FromTimeSpan(TimeSpan.FromMinutes(1)) }).ResponseAsync);
        await ExpectAsync(StatusCode.InvalidArgument, "idempotency_key", Client.RunReallocationAsync(new RunReallocationRequest()).ResponseAsync);
        var range = new TimeRange { StartTime = Timestamp.FromDateTime(DateTime.UtcNow), EndTime = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(-1)) };
        await ExpectAsync(StatusCode.InvalidArgument, "end_time", Client.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { TimeRange = range }).ResponseAsync);
        using var watch = Client.WatchEvents(new WatchEventsRequest { StartAfterEventId = "not-an-id" });
        await ExpectAsync(StatusCode.InvalidArgument, "start_after_event_id", watch.ResponseStream.MoveNext(CancellationToken.None));
    }

    private async Task<Agent> RegisterAsync(string id, Tier tier, long? hourlyTokens, long? dailyUsd = null) =>
        (await Client.RegisterAgentAsync(new RegisterAgentRequest { Agent = P.Agent(id, tier, hourlyTokens, dailyUsd) })).Agent;

    private static async Task<RpcException> ExpectAsync(StatusCode code, string mentions, Task call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(code, error.StatusCode);
        Assert.Contains(mentions, error.Status.Detail, StringComparison.OrdinalIgnoreCase);
        return error;
    }

    private static T Clone<T>(T message, Action<T> change)
        where T : Google.Protobuf.IMessage<T>, Google.Protobuf.IDeepCloneable<T>
    {
        var copy = message.Clone();
        change(copy);
        return copy;
    }

    private static FieldMask Mask(params string[] paths) => new() { Paths = { paths } };
}
