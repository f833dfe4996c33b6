namespace Platform.Agents.Loop;

/// <summary>
/// One LLM completion for one step. In the service this is routing's Complete (so budgets, fallbacks and
/// limits apply); tests of the loop use a deterministic in-memory implementation. Failures are
/// <see cref="StepFailure"/>; cancelling the token must cancel the in-flight call.
/// </summary>
public interface IStepModel
{
    Task<StepReply> CompleteAsync(StepCall call, CancellationToken cancellationToken);
}
