using Platform.Budget.Reports;
using Proto = Platform.Budget.V1;
using ProtoCommon = Platform.Common.V1;

namespace Platform.Budget.Grpc.Mapping;

/// <summary>Usage reports to the contract.</summary>
internal static class ReportMapping
{
    public static Proto.GetUsageReportResponse ToProto(UsageReport report)
    {
        var proto = new Proto.GetUsageReportResponse
        {
            Fleet = ToProto(report.Fleet),
            AsOfTime = ProtoTime.ToTimestamp(report.AsOf),
            NextPageToken = report.NextPageToken,
        };
        proto.Agents.Add(report.Agents.Select(ToProto));
        proto.Tiers.Add(report.Tiers.Select(ToProto));
        return proto;
    }

    private static Proto.AgentUsage ToProto(AgentUsage usage) => new()
    {
        AgentId = usage.AgentId,
        Tier = (ProtoCommon.Tier)(int)usage.Tier,
        Team = usage.Team,
        State = (Proto.AgentState)(int)usage.State,
        HourlyTokens = Tokens(usage.HourlyTokens),
        DailyTokens = Tokens(usage.DailyTokens),
        HourlyUsd = Usd(usage.HourlyUsd),
        DailyUsd = Usd(usage.DailyUsd),
        Warning = usage.Warning,
    };

    private static Proto.GroupUsage ToProto(GroupUsage usage) => new()
    {
        Tier = (ProtoCommon.Tier)(int)usage.Tier,
        AgentCount = usage.AgentCount,
        SharePercent = usage.SharePercent,
        HourlyTokens = Tokens(usage.HourlyTokens),
        DailyTokens = Tokens(usage.DailyTokens),
        HourlyUsd = Usd(usage.HourlyUsd),
        DailyUsd = Usd(usage.DailyUsd),
    };

    private static Proto.TokenWindowStatus Tokens(WindowUsage window) => new()
    {
        WindowStartTime = ProtoTime.ToTimestamp(window.Start),
        WindowEndTime = ProtoTime.ToTimestamp(window.End),
        Limit = window.Limit,
        Used = window.Used,
        Reserved = window.Reserved,
        Available = window.Available,
        UtilisationPercent = window.UtilisationPercent,
        Borrowed = window.Borrowed,
        Lent = window.Lent,
        Overage = window.Overage,
        RequestCount = window.Requests,
        DenialCount = window.Denials,
    };

    private static Proto.UsdWindowStatus Usd(WindowUsage window) => new()
    {
        WindowStartTime = ProtoTime.ToTimestamp(window.Start),
        WindowEndTime = ProtoTime.ToTimestamp(window.End),
        LimitMicros = window.Limit,
        UsedMicros = window.Used,
        ReservedMicros = window.Reserved,
        AvailableMicros = window.Available,
        UtilisationPercent = window.UtilisationPercent,
        BorrowedMicros = window.Borrowed,
        LentMicros = window.Lent,
        OverageMicros = window.Overage,
    };
}
