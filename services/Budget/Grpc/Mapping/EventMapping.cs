using Platform.Budget.Domain;
using Platform.Budget.Events;
using Platform.Budget.Reallocation;
using Proto = Platform.Budget.V1;
using ProtoCommon = Platform.Common.V1;

namespace Platform.Budget.Grpc.Mapping;

/// <summary>Events and reallocation moves to the contract.</summary>
internal static class EventMapping
{
    public static EventFilter ToFilter(Proto.WatchEventsRequest request) => new(
        request.AgentIds.ToHashSet(StringComparer.Ordinal),
        request.Types_.Select(t => (BudgetEventType)(int)t).ToHashSet(),
        request.Tiers.Select(t => (Tier)(int)t).ToHashSet());

    public static Proto.BudgetEvent ToProto(BudgetEvent budgetEvent, IReadOnlyDictionary<string, BudgetLimits> effective)
    {
        var proto = new Proto.BudgetEvent
        {
            EventId = budgetEvent.EventId,
            EventTime = ProtoTime.ToTimestamp(budgetEvent.Time),
            Type = (Proto.BudgetEventType)(int)budgetEvent.Type,
            AgentId = budgetEvent.AgentId,
            Tier = (ProtoCommon.Tier)(int)budgetEvent.Tier,
        };
        if (budgetEvent.Threshold is { } threshold)
        {
            proto.Threshold = new Proto.ThresholdCrossing
            {
                Window = threshold.Window,
                ThresholdPercent = threshold.ThresholdPercent,
                UtilisationPercent = threshold.UtilisationPercent,
                Limit = threshold.Limit,
                Consumed = threshold.Consumed,
                WindowEndTime = ProtoTime.ToTimestamp(threshold.WindowEndTime),
            };
        }
        else if (budgetEvent.Denial is { } denial)
        {
            proto.Denial = AccountingMapping.ToProto(denial);
        }
        else if (budgetEvent.Reservation is { } reservation)
        {
            proto.Reservation = AccountingMapping.ToProto(reservation);
        }
        else if (budgetEvent.Reallocation is { } summary)
        {
            var protoSummary = new Proto.ReallocationSummary { ReallocationId = summary.ReallocationId, Scheduled = summary.Scheduled };
            protoSummary.Moves.Add(summary.Moves.Select(ToProto));
            proto.Reallocation = protoSummary;
        }
        else if (budgetEvent.Agent is { } agent)
        {
            proto.Agent = ConfigMapping.ToProto(agent, ConfigMapping.EffectiveOf(agent, effective));
        }

        return proto;
    }

    public static Proto.ReallocationMove ToProto(ReallocationMove move) => new()
    {
        FromAgentId = move.FromAgentId,
        ToAgentId = move.ToAgentId,
        Tokens = move.Tokens,
        CostMicros = move.CostMicros,
        FromUtilisationPercent = move.FromUtilisationPercent,
        ToDenialCount = move.ToDenialCount,
        ToUtilisationPercent = move.ToUtilisationPercent,
        Reason = move.Reason,
    };
}
