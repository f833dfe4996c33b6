using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Proto = Platform.Budget.V1;
using ProtoCommon = Platform.Common.V1;

namespace Platform.Budget.Grpc.Mapping;

/// <summary>Reserve, commit, release and extend between the contract and the domain (the hot path: no LINQ).</summary>
internal static class AccountingMapping
{
    public static ReserveCommand ToCommand(Proto.ReserveRequest request) => new()
    {
        AgentId = request.AgentId,
        IdempotencyKey = request.IdempotencyKey,
        EstimatedInputTokens = request.EstimatedInputTokens,
        MaxOutputTokens = request.MaxOutputTokens,
        Price = request.Price is { } price ? new ModelPrice(price.InputMicrosPerMtok, price.OutputMicrosPerMtok) : null,
        Model = request.Model,
        Ttl = ProtoTime.ToTimeSpan(request.Ttl, "ttl"),
        TierOverride = (Tier)(int)request.TierOverride,
        RequestId = request.RequestId,
        TaskId = request.TaskId,
    };

    public static Proto.ReserveResponse ToProto(ReserveResult result) => result.Reservation is { } reservation
        ? new Proto.ReserveResponse { Granted = true, Reservation = ToProto(reservation) }
        : new Proto.ReserveResponse { Granted = false, Denial = ToProto(result.Denial!) };

    public static Proto.Reservation ToProto(Reservation reservation)
    {
        var proto = new Proto.Reservation
        {
            ReservationId = reservation.ReservationId,
            AgentId = reservation.AgentId,
            Tier = (ProtoCommon.Tier)(int)reservation.Tier,
            ReservedTokens = reservation.ReservedTokens,
            ReservedCostMicros = reservation.ReservedCostMicros,
            EstimatedOutputTokens = reservation.EstimatedOutputTokens,
            OutputEstimate = (Proto.OutputEstimate)(int)reservation.OutputEstimate,
            ExpireTime = ProtoTime.ToTimestamp(reservation.ExpireTime),
            CreateTime = ProtoTime.ToTimestamp(reservation.CreateTime),
            State = (Proto.ReservationState)(int)reservation.State,
            Model = reservation.Model,
            RemainingTokens = reservation.RemainingTokens,
            RemainingCostMicros = reservation.RemainingCostMicros,
        };
        for (var i = 0; i < reservation.Loans.Count; i++)
        {
            var loan = reservation.Loans[i];
            proto.Loans.Add(new Proto.Loan
            {
                LenderAgentId = loan.LenderAgentId,
                LenderTier = (ProtoCommon.Tier)(int)loan.LenderTier,
                Tokens = loan.Tokens,
                CostMicros = loan.CostMicros,
            });
        }

        return proto;
    }

    public static Proto.Denial ToProto(Denial denial) => new()
    {
        Reason = (Proto.DenialReason)(int)denial.Reason,
        RetryAfter = denial.RetryAfter is { } retry ? ProtoTime.ToDuration(retry) : null,
        Message = denial.Message,
        RequestedTokens = denial.RequestedTokens,
        AvailableTokens = denial.AvailableTokens,
        RequestedCostMicros = denial.RequestedCostMicros,
        AvailableCostMicros = denial.AvailableCostMicros,
    };

    public static CommitCommand ToCommand(Proto.CommitRequest request) => new()
    {
        ReservationId = request.ReservationId,
        HasUsage = request.Usage is not null,
        InputTokens = request.Usage?.InputTokens ?? 0,
        OutputTokens = request.Usage?.OutputTokens ?? 0,
        CostMicros = request.CostMicros,
        Model = request.Model,
    };

    public static Proto.CommitResponse ToProto(CommitResult result) => new()
    {
        CommittedTokens = result.CommittedTokens,
        CommittedCostMicros = result.CommittedCostMicros,
        ReservedTokens = result.ReservedTokens,
        ReservedCostMicros = result.ReservedCostMicros,
        DifferenceTokens = result.DifferenceTokens,
        DifferenceCostMicros = result.DifferenceCostMicros,
        OverageTokens = result.OverageTokens,
        OverageCostMicros = result.OverageCostMicros,
        ReservationExpired = result.ReservationExpired,
        Duplicate = result.Duplicate,
    };

    public static ReleaseCommand ToCommand(Proto.ReleaseRequest request) => new()
    {
        ReservationId = request.ReservationId,
        Reason = (int)request.Reason,
        Message = request.Message,
    };

    public static Proto.ReleaseResponse ToProto(ReleaseResult result) => new()
    {
        ReleasedTokens = result.ReleasedTokens,
        ReleasedCostMicros = result.ReleasedCostMicros,
        AlreadySettled = result.AlreadySettled,
    };

    public static ExtendCommand ToCommand(Proto.ExtendReservationRequest request) =>
        new(request.ReservationId, ProtoTime.ToTimeSpan(request.Ttl, "ttl"));
}
