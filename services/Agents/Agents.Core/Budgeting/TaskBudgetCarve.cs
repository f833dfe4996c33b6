using Microsoft.Extensions.Logging;
using Platform.Agents.Loop;
using Platform.Agents.V1;

namespace Platform.Agents.Budgeting;

/// <summary>
/// Carves a capped task's budget out of its agent's budget: at start the whole cap is held (a task the
/// agent cannot cover ends BUDGET_EXCEEDED before any call); after each step the hold is replaced by one
/// for what the cap has left (so what the task spent is never held twice); at the end the hold is released
/// and the unused part goes back to the agent. A worker that dies leaves a hold that the budget service
/// expires on its own. Holds are keyed by task, run attempt and step, so a retried Reserve never holds twice.
/// </summary>
public sealed class TaskBudgetCarve(IBudgetCarver carver, ILogger<TaskBudgetCarve> logger)
{
    /// <summary>The first hold; returns the reservation id, or a BUDGET_EXCEEDED end when the agent cannot cover the cap.</summary>
    public async Task<(string ReservationId, LoopEnd? End)> StartAsync(LoopRun run, int attempt, string previous, CancellationToken cancellationToken)
    {
        if (!run.Caps.Any)
            return ("", null);
        var (id, denial) = await ReplaceAsync(run, attempt, previous, cancellationToken);
        if (denial is not null && run.LastStep == 0)
            return ("", new LoopEnd(TaskOutcome.BudgetExceeded, $"the agent's budget cannot cover the task's cap: {denial}", ""));
        return (id, null);
    }

    /// <summary>Re-carves what the cap has left after a step; returns the new reservation id.</summary>
    public async Task<string> AfterStepAsync(LoopRun run, int attempt, string previous, CancellationToken cancellationToken) =>
        run.Caps.Any ? (await ReplaceAsync(run, attempt, previous, cancellationToken)).Id : "";

    public async Task EndAsync(string reservationId, CancellationToken cancellationToken)
    {
        if (reservationId.Length == 0)
            return;
        try
        {
            await carver.ReleaseAsync(reservationId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not release budget hold {Reservation}; the budget service will expire it", reservationId);
        }
    }

    private async Task<(string Id, string? Denial)> ReplaceAsync(LoopRun run, int attempt, string previous, CancellationToken cancellationToken)
    {
        // Release first, then hold less: holding both for a moment could be refused on a tight budget.
        await EndAsync(previous, cancellationToken);
        var tokens = run.Caps.MaxTokens is { } tokenCap ? tokenCap - run.Totals.TotalTokens : (long?)null;
        var cost = run.Caps.MaxCostMicros is { } costCap ? costCap - run.Totals.CostMicros : (long?)null;
        if (tokens <= 0 || cost <= 0)
            return ("", null);
        try
        {
            var result = await carver.CarveAsync(new CarveRequest(run.AgentId, run.TaskId, $"{run.TaskId}:carve:{attempt}:{run.LastStep}", tokens, cost), cancellationToken);
            return result.Granted ? (result.ReservationId, null) : ("", result.DenialMessage);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The carve protects the task from its agent's other spending; without it the steps still face
            // the agent's budget in the gateway, so the task goes on rather than failing on an advisory hold.
            logger.LogWarning(e, "Could not carve the budget of task {Task}; continuing without a hold", run.TaskId);
            return ("", null);
        }
    }
}
