using Platform.Budget.Ledger;
using Proto = Platform.Budget.V1;

namespace Platform.Budget.Grpc.Mapping;

/// <summary>Ledger queries and entries between the contract and the domain.</summary>
internal static class LedgerMapping
{
    public static LedgerQuery ToQuery(Proto.ListLedgerEntriesRequest request) => new(
        request.AgentId,
        request.ReservationId,
        request.Types_.Select(t => (LedgerEntryType)(int)t).ToList(),
        ProtoTime.ToDateTimeOffset(request.TimeRange?.StartTime, "time_range.start_time"),
        ProtoTime.ToDateTimeOffset(request.TimeRange?.EndTime, "time_range.end_time"),
        request.ReallocationId,
        request.PageSize,
        request.PageToken);

    public static Proto.ListLedgerEntriesResponse ToProto(LedgerPage page)
    {
        var proto = new Proto.ListLedgerEntriesResponse { NextPageToken = page.NextPageToken };
        proto.Entries.Add(page.Entries.Select(ToProto));
        return proto;
    }

    private static Proto.LedgerEntry ToProto(LedgerEntry entry) => new()
    {
        EntryId = entry.EntryId,
        CreateTime = ProtoTime.ToTimestamp(entry.CreateTime),
        Type = (Proto.LedgerEntryType)(int)entry.Type,
        AgentId = entry.AgentId,
        ReservationId = entry.ReservationId,
        Tokens = entry.Tokens,
        CostMicros = entry.CostMicros,
        CounterpartyAgentId = entry.CounterpartyAgentId,
        Model = entry.Model,
        DenialReason = (Proto.DenialReason)(int)entry.DenialReason,
        ReallocationId = entry.ReallocationId,
        RequestId = entry.RequestId,
        TaskId = entry.TaskId,
        IdempotencyKey = entry.IdempotencyKey,
        Message = entry.Message,
    };
}
