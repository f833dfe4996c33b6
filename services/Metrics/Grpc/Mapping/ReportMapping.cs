using Google.Protobuf.WellKnownTypes;
using Platform.Common.V1;
using Platform.Metrics.Reports;
using Platform.Metrics.V1;

namespace Platform.Metrics.Grpc.Mapping;

internal static class ReportMapping
{
    public static GetModelReportResponse ToProto(this ModelReport report) => new()
    {
        Models = { report.Models.Select(m => m.ToProto()) },
        Total = report.Total.ToProto(),
        TimeRange = WindowMapping.ToProto(report.Window),
    };

    public static GetAgentReportResponse ToProto(this AgentReport report) => new()
    {
        Agents = { report.Agents.Select(a => a.ToProto()) },
        Teams =
        {
            report.Teams.Select(t => new TeamStats
            {
                Team = t.Team, AgentCount = t.AgentCount, Stats = t.Statistics.ToProto(), CostSharePercent = t.CostSharePercent,
            }),
        },
        Total = report.Total.ToProto(),
        TimeRange = WindowMapping.ToProto(report.Window),
        NextPageToken = report.NextPageToken,
    };

    public static GetTierReportResponse ToProto(this TierReport report) => new()
    {
        Tiers =
        {
            report.Tiers.Select(t => new TierStats
            {
                Tier = t.Tier, AgentCount = t.AgentCount, Stats = t.Statistics.ToProto(), CostSharePercent = t.CostSharePercent,
            }),
        },
        Total = report.Total.ToProto(),
        TimeRange = WindowMapping.ToProto(report.Window),
    };

    public static GetSpendReportResponse ToProto(this SpendReport report) => new()
    {
        Buckets = { report.Buckets.Select(ToProto) },
        Total = report.Total.ToProto(),
        Granularity = report.Granularity,
        BaselinePrices = { report.BaselinePrices.Select(ToProto) },
    };

    public static GetTopSpendersResponse ToProto(this TopSpenders top) => new()
    {
        Spenders =
        {
            top.Spenders.Select(s => new Spender
            {
                Key = s.Key, CostMicros = s.CostMicros, CostSharePercent = s.CostSharePercent, RequestCount = s.RequestCount,
                InputTokens = s.InputTokens, OutputTokens = s.OutputTokens,
            }),
        },
        TotalCostMicros = top.TotalCostMicros,
        TimeRange = WindowMapping.ToProto(top.Window),
    };

    public static BaselineModelPrice FromProto(BaselinePrice price) => new()
    {
        Model = price.Model,
        InputMicrosPerMtok = price.Price?.InputMicrosPerMtok ?? 0,
        OutputMicrosPerMtok = price.Price?.OutputMicrosPerMtok ?? 0,
    };

    private static BaselinePrice ToProto(BaselineModelPrice price) => new()
    {
        Model = price.Model,
        Price = new ModelPrice { InputMicrosPerMtok = price.InputMicrosPerMtok, OutputMicrosPerMtok = price.OutputMicrosPerMtok },
    };

    private static SpendBucket ToProto(this SpendTotals totals) => new()
    {
        StartTime = Timestamp.FromDateTime(totals.Start),
        EndTime = Timestamp.FromDateTime(totals.End),
        RequestCount = totals.RequestCount,
        InputTokens = totals.InputTokens,
        OutputTokens = totals.OutputTokens,
        CostMicros = totals.CostMicros,
        BaselineCostMicros = totals.BaselineCostMicros,
        SavingsMicros = totals.SavingsMicros,
        SavingsPercent = totals.SavingsPercent,
    };
}
