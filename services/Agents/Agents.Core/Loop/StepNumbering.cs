using Platform.Agents.V1;

namespace Platform.Agents.Loop;

/// <summary>
/// Steps are numbered 1, 2, 3... across the whole task; each iteration is three steps: think, act,
/// observe. The step number is also what makes each LLM call's idempotency key unique.
/// </summary>
public static class StepNumbering
{
    public const int StepsPerIteration = 3;

    public static (int Iteration, StepPhase Phase) Of(int stepNumber)
    {
        var index = stepNumber - 1;
        var phase = (index % StepsPerIteration) switch
        {
            0 => StepPhase.Think,
            1 => StepPhase.Act,
            _ => StepPhase.Observe,
        };
        return (index / StepsPerIteration + 1, phase);
    }

    /// <summary>The idempotency key of a step's LLM call: the same step always asks routing with the same key.</summary>
    public static string IdempotencyKey(string taskId, int stepNumber) => $"{taskId}:step:{stepNumber}";
}
