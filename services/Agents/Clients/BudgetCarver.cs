using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Agents.Budgeting;
using Platform.Budget.V1;
using Platform.Common.V1;

namespace Platform.Agents.Clients;

/// <summary>
/// A task's carve-out as a BudgetService reservation priced so that it holds exactly the task's remaining
/// tokens and dollars: (tokens - 1) input tokens at price 0 plus one output token priced at the remaining
/// dollars. It is never committed: released when replaced or when the task ends, expired by the budget
/// service if the worker dies.
/// </summary>
internal sealed class BudgetCarver(BudgetService.BudgetServiceClient budget, TimeProvider time) : IBudgetCarver
{
    public static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    public async Task<CarveResult> CarveAsync(CarveRequest request, CancellationToken cancellationToken)
    {
        var tokens = Math.Max(1, request.Tokens ?? 1);
        var cost = request.CostMicros ?? 0;
        var reply = await budget.ReserveAsync(new ReserveRequest
        {
            AgentId = request.AgentId,
            IdempotencyKey = request.IdempotencyKey,
            EstimatedInputTokens = tokens - 1,
            MaxOutputTokens = 1,
            Price = new ModelPrice { InputMicrosPerMtok = 0, OutputMicrosPerMtok = checked(cost * 1_000_000) },
            Model = "agents-task-budget",
            Ttl = Duration.FromTimeSpan(HoldFor),
            TaskId = request.TaskId,
        }, deadline: time.GetUtcNow().UtcDateTime + CallTimeout, cancellationToken: cancellationToken);
        return reply.Granted
            ? new CarveResult(true, reply.Reservation.ReservationId, "")
            : new CarveResult(false, "", $"{reply.Denial.Reason}: {reply.Denial.Message}");
    }

    public async Task ReleaseAsync(string reservationId, CancellationToken cancellationToken)
    {
        try
        {
            await budget.ReleaseAsync(new ReleaseRequest
            {
                ReservationId = reservationId,
                Reason = ReleaseReason.NotUsed,
                Message = "agent task budget: unused part returned",
            }, deadline: time.GetUtcNow().UtcDateTime + CallTimeout, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
        {
            // Already settled or gone: nothing is held any more.
        }
    }
}
