using Platform.Routing.Upstream;

namespace Platform.Routing.Budgeting;

/// <summary>The budget service as routing uses it: hold before an attempt, settle after.</summary>
public interface IBudgetService
{
    ValueTask<BudgetHold> ReserveAsync(HoldRequest request, CancellationToken cancellationToken);

    ValueTask CommitAsync(string reservationId, UpstreamUsage usage, long costMicros, string model, CancellationToken cancellationToken);

    ValueTask ReleaseAsync(string reservationId, ReleaseKind reason, string message, CancellationToken cancellationToken);
}
