using Grpc.Core;
using Platform.Metrics.Alerts;
using Platform.Metrics.Grpc.Mapping;
using Platform.Metrics.Ingestion;
using Platform.Metrics.Reports;
using Platform.Metrics.V1;

namespace Platform.Metrics.Grpc;

/// <summary>
/// The gRPC face of the Metrics service: translates messages to the engine's requests and back. Errors
/// become statuses in <see cref="MetricsErrorInterceptor"/>.
/// </summary>
public sealed class MetricsApi(
    CallRecorder recorder,
    ModelReports modelReports,
    AgentReports agentReports,
    TierReports tierReports,
    SpendReports spendReports,
    TopSpenderReports topSpenders,
    AlertQueries alertQueries,
    AlertFeed alertFeed,
    AlertStore alertStore,
    LiveSnapshots snapshots,
    TimeProvider time) : MetricsService.MetricsServiceBase
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DefaultLookback = TimeSpan.FromSeconds(60);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public override async Task<RecordResponse> Record(RecordRequest request, ServerCallContext context)
    {
        var result = await recorder.RecordAsync(request.Events, context.CancellationToken);
        return new RecordResponse
        {
            AcceptedCount = result.AcceptedCount,
            DuplicateCount = result.DuplicateCount,
            Rejected = { result.Rejected.Select(r => new RejectedEvent { Index = r.Index, EventId = r.EventId, Reason = r.Reason }) },
        };
    }

    public override async Task<GetModelReportResponse> GetModelReport(GetModelReportRequest request, ServerCallContext context)
    {
        var window = WindowMapping.Resolve(request.Window, Now);
        var report = await modelReports.GetAsync(new ModelReportRequest(window, request.Models, request.Provider, request.AgentId),
            context.CancellationToken);
        return report.ToProto();
    }

    public override async Task<GetAgentReportResponse> GetAgentReport(GetAgentReportRequest request, ServerCallContext context)
    {
        var window = WindowMapping.Resolve(request.Window, Now);
        var report = await agentReports.GetAsync(new AgentReportRequest(window, WindowMapping.Key(request.Window), request.AgentIds,
            request.Team, request.Tier, request.PageSize, request.PageToken), context.CancellationToken);
        return report.ToProto();
    }

    public override async Task<GetTierReportResponse> GetTierReport(GetTierReportRequest request, ServerCallContext context) =>
        (await tierReports.GetAsync(WindowMapping.Resolve(request.Window, Now), context.CancellationToken)).ToProto();

    public override async Task<GetSpendReportResponse> GetSpendReport(GetSpendReportRequest request, ServerCallContext context)
    {
        var window = WindowMapping.Resolve(request.Window, Now);
        var report = await spendReports.GetAsync(new SpendReportRequest(window, request.Granularity,
            request.BaselinePrices.Select(ReportMapping.FromProto).ToList(), request.TimeZone, request.AgentId, request.Team, request.Model),
            context.CancellationToken);
        return report.ToProto();
    }

    public override async Task<GetTopSpendersResponse> GetTopSpenders(GetTopSpendersRequest request, ServerCallContext context) =>
        (await topSpenders.GetAsync(WindowMapping.Resolve(request.Window, Now), request.Dimension, request.Limit, context.CancellationToken)).ToProto();

    public override async Task<ListAlertsResponse> ListAlerts(ListAlertsRequest request, ServerCallContext context)
    {
        TimeWindow? activeIn = null;
        if (request.TimeRange is { } range)
        {
            var start = WindowMapping.ToUtc(range.StartTime, "time_range.start_time") ?? DateTime.UnixEpoch;
            var end = WindowMapping.ToUtc(range.EndTime, "time_range.end_time") ?? DateTime.MaxValue.ToUniversalTime();
            if (end <= start)
                throw new ReportArgumentException("time_range.end_time must be after time_range.start_time");
            activeIn = new TimeWindow(start, end);
        }

        var page = await alertQueries.ListAsync(new AlertListRequest(request.States, request.Kinds, activeIn, request.PageSize, request.PageToken),
            context.CancellationToken);
        return new ListAlertsResponse { Alerts = { page.Alerts.Select(a => a.ToProto()) }, NextPageToken = page.NextPageToken };
    }

    public override async Task WatchAlerts(WatchAlertsRequest request, IServerStreamWriter<WatchAlertsResponse> responseStream, ServerCallContext context)
    {
        var kinds = request.Kinds.ToHashSet();
        await foreach (var change in alertFeed.WatchAsync(request.IncludeFiring, context.CancellationToken))
        {
            if (kinds.Count == 0 || kinds.Contains(change.Alert.Kind))
                await responseStream.WriteAsync(new WatchAlertsResponse { Alert = change.Alert.ToProto(), Change = change.Change });
        }
    }

    public override async Task WatchMetrics(WatchMetricsRequest request, IServerStreamWriter<WatchMetricsResponse> responseStream, ServerCallContext context)
    {
        var interval = request.Interval?.ToTimeSpan() ?? DefaultInterval;
        var lookback = request.Lookback?.ToTimeSpan() ?? DefaultLookback;
        if (interval < TimeSpan.FromSeconds(1) || interval > TimeSpan.FromSeconds(60))
            throw new ReportArgumentException("interval must be between 1 s and 60 s");
        var snapshotRequest = new SnapshotRequest(lookback, request.Models, request.IncludeAgents);

        using var timer = new PeriodicTimer(interval, time);
        do
        {
            var snapshot = await snapshots.TakeAsync(snapshotRequest, context.CancellationToken);
            var firing = await alertStore.CountFiringAsync(context.CancellationToken);
            await responseStream.WriteAsync(new WatchMetricsResponse { Snapshot = snapshot.ToProto(firing) });
        }
        while (await timer.WaitForNextTickAsync(context.CancellationToken));
    }
}
