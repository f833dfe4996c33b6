using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Budget.V1;
using Platform.Common.V1;
using Platform.Routing.Budgeting;
using Platform.Routing.Upstream;

namespace Platform.Routing.Budget;

/// <summary>Reserve, Commit and Release against the budget service over gRPC.</summary>
public sealed class GrpcBudgetService(BudgetService.BudgetServiceClient client) : IBudgetService
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    public async ValueTask<BudgetHold> ReserveAsync(HoldRequest request, CancellationToken cancellationToken)
    {
        ReserveResponse response;
        try
        {
            response = await client.ReserveAsync(new ReserveRequest
            {
                AgentId = request.AgentId,
                IdempotencyKey = request.IdempotencyKey,
                EstimatedInputTokens = request.EstimatedInputTokens,
                MaxOutputTokens = request.MaxOutputTokens,
                Price = new ModelPrice { InputMicrosPerMtok = request.InputMicrosPerMTok, OutputMicrosPerMtok = request.OutputMicrosPerMTok },
                Model = request.Model,
                Ttl = Duration.FromTimeSpan(request.Ttl),
                TierOverride = (Tier)(int)request.TierOverride,
                RequestId = request.RequestId,
                TaskId = request.TaskId,
            }, deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);
        }
        catch (RpcException e)
        {
            throw BudgetRpcErrors.ForAgent(e, request.AgentId);
        }

        if (!response.Granted)
        {
            var denial = response.Denial ?? new Denial();
            return BudgetHold.Denied(new BudgetDenial(
                DenialReasonName(denial.Reason),
                denial.RetryAfter?.ToTimeSpan(),
                string.IsNullOrEmpty(denial.Message) ? $"budget denied ({denial.Reason})" : denial.Message));
        }
        var reservation = response.Reservation;
        return new BudgetHold(reservation.ReservationId, reservation.ReservedTokens, reservation.ReservedCostMicros,
            reservation.RemainingTokens, reservation.RemainingCostMicros, null);
    }

    public async ValueTask CommitAsync(string reservationId, UpstreamUsage usage, long costMicros, string model, CancellationToken cancellationToken)
    {
        try
        {
            await client.CommitAsync(new CommitRequest
            {
                ReservationId = reservationId,
                Usage = new TokenUsage
                {
                    InputTokens = usage.InputTokens,
                    OutputTokens = usage.OutputTokens,
                    TotalTokens = usage.TotalTokens,
                    CachedInputTokens = usage.CachedInputTokens,
                },
                CostMicros = costMicros,
                Model = model,
            }, deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.InvalidArgument)
        {
            throw new SettlementRejectedException($"{e.StatusCode}: {e.Status.Detail}");
        }
    }

    public async ValueTask ReleaseAsync(string reservationId, ReleaseKind reason, string message, CancellationToken cancellationToken)
    {
        try
        {
            await client.ReleaseAsync(new ReleaseRequest
            {
                ReservationId = reservationId,
                Reason = (ReleaseReason)(int)reason,
                Message = message.Length > 1024 ? message[..1024] : message,
            }, deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.InvalidArgument)
        {
            throw new SettlementRejectedException($"{e.StatusCode}: {e.Status.Detail}");
        }
    }

    private static string DenialReasonName(DenialReason reason) =>
        reason == DenialReason.Unspecified ? "DENIAL_REASON_UNSPECIFIED" :
        System.Enum.IsDefined(reason) ? "DENIAL_REASON_" + ToUpperSnake(reason.ToString()) : $"DENIAL_REASON_{(int)reason}";

    private static string ToUpperSnake(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
