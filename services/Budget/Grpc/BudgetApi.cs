using Grpc.Core;
using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Platform.Budget.Events;
using Platform.Budget.Grpc.Mapping;
using Platform.Budget.Ledger;
using Platform.Budget.Reallocation;
using Platform.Budget.Registry;
using Platform.Budget.Reports;
using Platform.Budget.V1;
using Agent = Platform.Budget.Domain.Agent;
using BudgetLimits = Platform.Budget.Domain.BudgetLimits;

namespace Platform.Budget.Grpc;

/// <summary>
/// The gRPC face of the Budget service: maps the contract to the domain and back, nothing else.
/// Domain errors become statuses in <see cref="BudgetErrorInterceptor"/>.
/// </summary>
public sealed class BudgetApi(
    AgentRegistry registry,
    BudgetAccountant accountant,
    UsageReporter reports,
    EventFeed events,
    ReallocationRunner reallocation,
    LedgerReader ledger,
    AgentDirectory directory) : BudgetService.BudgetServiceBase
{
    public override async Task<ReserveResponse> Reserve(ReserveRequest request, ServerCallContext context) =>
        AccountingMapping.ToProto(await accountant.ReserveAsync(AccountingMapping.ToCommand(request), context.CancellationToken));

    public override async Task<CommitResponse> Commit(CommitRequest request, ServerCallContext context) =>
        AccountingMapping.ToProto(await accountant.CommitAsync(AccountingMapping.ToCommand(request), context.CancellationToken));

    public override async Task<ReleaseResponse> Release(ReleaseRequest request, ServerCallContext context) =>
        AccountingMapping.ToProto(await accountant.ReleaseAsync(AccountingMapping.ToCommand(request), context.CancellationToken));

    public override async Task<ExtendReservationResponse> ExtendReservation(ExtendReservationRequest request, ServerCallContext context) =>
        new() { Reservation = AccountingMapping.ToProto(await accountant.ExtendAsync(AccountingMapping.ToCommand(request), context.CancellationToken)) };

    public override async Task<RegisterAgentResponse> RegisterAgent(RegisterAgentRequest request, ServerCallContext context)
    {
        var (agent, created) = await registry.RegisterAsync(ConfigMapping.ToSpec(request.Agent), context.CancellationToken);
        return new RegisterAgentResponse { Agent = await ToProtoAsync(agent, context), Created = created };
    }

    public override async Task<UpdateAgentResponse> UpdateAgent(UpdateAgentRequest request, ServerCallContext context)
    {
        var agent = await registry.UpdateAsync(ConfigMapping.ToSpec(request.Agent), ConfigMapping.ToPaths(request.UpdateMask),
            request.Agent?.Etag, context.CancellationToken);
        return new UpdateAgentResponse { Agent = await ToProtoAsync(agent, context) };
    }

    public override async Task<GetAgentResponse> GetAgent(GetAgentRequest request, ServerCallContext context) =>
        new() { Agent = await ToProtoAsync(await registry.GetAsync(request.AgentId, context.CancellationToken), context) };

    public override async Task<ListAgentsResponse> ListAgents(ListAgentsRequest request, ServerCallContext context)
    {
        var page = await registry.ListAsync(request.PageSize, request.PageToken, (Tier)(int)request.Tier, request.Team, request.IncludeRetired,
            context.CancellationToken);
        var effective = await reports.EffectiveLimitsAsync(context.CancellationToken);
        var response = new ListAgentsResponse { NextPageToken = page.NextPageToken };
        response.Agents.Add(page.Agents.Select(a => ConfigMapping.ToProto(a, ConfigMapping.EffectiveOf(a, effective))));
        return response;
    }

    public override async Task<RetireAgentResponse> RetireAgent(RetireAgentRequest request, ServerCallContext context) =>
        new() { Agent = await ToProtoAsync(await registry.RetireAsync(request.AgentId, request.Reason, context.CancellationToken), context) };

    public override async Task<GetFleetBudgetResponse> GetFleetBudget(GetFleetBudgetRequest request, ServerCallContext context) =>
        new() { FleetBudget = ConfigMapping.ToProto(await registry.GetFleetAsync(context.CancellationToken)) };

    public override async Task<UpdateFleetBudgetResponse> UpdateFleetBudget(UpdateFleetBudgetRequest request, ServerCallContext context)
    {
        var fleet = await registry.UpdateFleetAsync(ConfigMapping.ToFleet(request.FleetBudget), ConfigMapping.ToPaths(request.UpdateMask),
            request.FleetBudget?.Etag, context.CancellationToken);
        return new UpdateFleetBudgetResponse { FleetBudget = ConfigMapping.ToProto(fleet) };
    }

    public override async Task<GetUsageReportResponse> GetUsageReport(GetUsageReportRequest request, ServerCallContext context) =>
        ReportMapping.ToProto(await reports.GetAsync(
            new UsageQuery(request.AgentIds.ToList(), (Tier)(int)request.Tier, request.IncludeRetired, request.PageSize, request.PageToken),
            context.CancellationToken));

    public override async Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<WatchEventsResponse> responseStream,
        ServerCallContext context)
    {
        await foreach (var budgetEvent in events.WatchAsync(EventMapping.ToFilter(request), request.StartAfterEventId, context.CancellationToken))
        {
            var effective = budgetEvent.Agent is null ? EmptyLimits : EffectiveLimits.ForAll(directory.Current.Fleet, directory.Current.Agents.Values);
            await responseStream.WriteAsync(new WatchEventsResponse { Event = EventMapping.ToProto(budgetEvent, effective) });
        }
    }

    public override async Task<PreviewReallocationResponse> PreviewReallocation(PreviewReallocationRequest request, ServerCallContext context)
    {
        var (moves, asOf) = await reallocation.PreviewAsync(ProtoTime.ToTimeSpan(request.Lookback, "lookback"), context.CancellationToken);
        var response = new PreviewReallocationResponse { AsOfTime = ProtoTime.ToTimestamp(asOf) };
        response.Moves.Add(moves.Select(EventMapping.ToProto));
        return response;
    }

    public override async Task<RunReallocationResponse> RunReallocation(RunReallocationRequest request, ServerCallContext context)
    {
        var run = await reallocation.RunAsync(request.IdempotencyKey, ProtoTime.ToTimeSpan(request.Lookback, "lookback"), scheduled: false,
            context.CancellationToken);
        var response = new RunReallocationResponse { ReallocationId = run.ReallocationId, RunTime = ProtoTime.ToTimestamp(run.RunTime) };
        response.Moves.Add(run.Moves.Select(EventMapping.ToProto));
        return response;
    }

    public override async Task<ListLedgerEntriesResponse> ListLedgerEntries(ListLedgerEntriesRequest request, ServerCallContext context) =>
        LedgerMapping.ToProto(await ledger.ListAsync(LedgerMapping.ToQuery(request), context.CancellationToken));

    private static readonly IReadOnlyDictionary<string, BudgetLimits> EmptyLimits = new Dictionary<string, BudgetLimits>();

    private async Task<V1.Agent> ToProtoAsync(Agent agent, ServerCallContext context)
    {
        var effective = await reports.EffectiveLimitsAsync(context.CancellationToken);
        return ConfigMapping.ToProto(agent, ConfigMapping.EffectiveOf(agent, effective));
    }
}
