using System.Diagnostics.Metrics;
using Platform.Agents.Loop;
using Platform.Agents.V1;

namespace Platform.Agents.Telemetry;

/// <summary>The agents service's business instruments (meter <c>Platform.Agents</c>).</summary>
public sealed class AgentsInstruments
{
    public const string MeterName = "Platform.Agents";
    private static readonly double[] StepBucketsSeconds = [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 30, 60, 120];

    private readonly Counter<long> _submitted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _finished;
    private readonly Counter<long> _resumed;
    private readonly Counter<long> _steps;
    private readonly Histogram<double> _stepDuration;
    private readonly Counter<long> _tokens;
    private readonly Counter<long> _cost;
    private readonly Counter<long> _windowTokensSaved;
    private readonly Counter<long> _contextBytesSaved;

    public AgentsInstruments(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        _submitted = Meter.CreateCounter<long>("platform.agents.tasks.submitted", "{task}", "Tasks accepted by SubmitTask or RunTask.");
        _rejected = Meter.CreateCounter<long>("platform.agents.tasks.rejected", "{task}", "Submissions refused because the queue was full.");
        _finished = Meter.CreateCounter<long>("platform.agents.tasks.finished", "{task}", "Tasks finished, by outcome.");
        _resumed = Meter.CreateCounter<long>("platform.agents.tasks.resumed", "{task}", "Tasks picked up again after their worker stopped.");
        _steps = Meter.CreateCounter<long>("platform.agents.steps", "{step}", "Loop steps recorded, by phase.");
        _stepDuration = Meter.CreateHistogram<double>("platform.agents.step.duration", "s", "Duration of one loop step (its LLM call included).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StepBucketsSeconds });
        _tokens = Meter.CreateCounter<long>("platform.agents.tokens", "{token}", "Tokens used by loop steps, by direction.");
        _cost = Meter.CreateCounter<long>("platform.agents.cost", "{micro_usd}", "Cost of loop steps in USD micro-dollars.");
        _windowTokensSaved = Meter.CreateCounter<long>("platform.agents.memory.tokens_saved", "{token}",
            "History tokens the sliding memory window kept out of LLM calls.");
        _contextBytesSaved = Meter.CreateCounter<long>("platform.agents.shared_context.saved", "By",
            "Bytes of shared context referenced by tasks instead of copied into them.");
    }

    public Meter Meter { get; }

    public void Submitted(long contextBytes)
    {
        _submitted.Add(1);
        if (contextBytes > 0)
            _contextBytesSaved.Add(contextBytes);
    }

    public void Rejected() => _rejected.Add(1);

    public void Resumed() => _resumed.Add(1);

    public void Finished(TaskOutcome outcome) =>
        _finished.Add(1, new KeyValuePair<string, object?>("outcome", OutcomeLabel(outcome)));

    public void Step(StepRecord step)
    {
        var phase = new KeyValuePair<string, object?>("phase", step.Phase.ToString().ToLowerInvariant());
        _steps.Add(1, phase);
        _stepDuration.Record(step.LatencyMs / 1000.0, phase);
        _tokens.Add(step.Reply.InputTokens, new KeyValuePair<string, object?>("direction", "input"));
        _tokens.Add(step.Reply.OutputTokens, new KeyValuePair<string, object?>("direction", "output"));
        _cost.Add(step.Reply.CostMicros);
        _windowTokensSaved.Add(step.WindowTokensSaved);
    }

    public static string OutcomeLabel(TaskOutcome outcome) => outcome switch
    {
        TaskOutcome.Completed => "completed",
        TaskOutcome.MaxIterations => "max_iterations",
        TaskOutcome.BudgetExceeded => "budget_exceeded",
        TaskOutcome.LoopDetected => "loop_detected",
        TaskOutcome.Cancelled => "cancelled",
        TaskOutcome.DeadlineExceeded => "deadline_exceeded",
        TaskOutcome.Failed => "failed",
        _ => "unspecified",
    };
}
