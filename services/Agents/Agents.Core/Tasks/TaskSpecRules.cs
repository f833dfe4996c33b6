using System.Text;
using System.Text.RegularExpressions;
using Platform.Agents.Contexts;
using Platform.Agents.Domain;
using Platform.Agents.Types;
using Platform.Agents.V1;

namespace Platform.Agents.Tasks;

/// <summary>The checks a task spec must pass before anything is looked up or stored.</summary>
public static partial class TaskSpecRules
{
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex AgentIdPattern();

    public static void Validate(TaskSpec? spec)
    {
        if (spec is null)
            throw AgentsException.Invalid("spec", "spec is required.");
        if (string.IsNullOrWhiteSpace(spec.Goal))
            throw AgentsException.Invalid("spec.goal", "spec.goal is required and must not be blank.");
        var goalBytes = Encoding.UTF8.GetByteCount(spec.Goal);
        if (goalBytes > TaskLimits.MaxGoalBytes)
            throw AgentsException.Invalid("spec.goal", $"spec.goal is {goalBytes} bytes; at most {TaskLimits.MaxGoalBytes} are allowed (put large material in a shared context).");
        if (spec.AgentId.Length == 0)
            throw AgentsException.Invalid("spec.agent_id", "spec.agent_id is required.");
        if (!AgentIdPattern().IsMatch(spec.AgentId))
            throw AgentsException.Invalid("spec.agent_id", "spec.agent_id must be 1-128 characters of [A-Za-z0-9._:-].");
        if (spec.AgentType.Length > 0)
            AgentTypeRules.ValidateName(spec.AgentType, "spec.agent_type");
        ModelPolicyRules.Validate(spec.ModelPolicy, "spec.model_policy");
        if (spec.MaxIterations is < 0 or > AgentTypeDefaults.MaxIterationsLimit)
            throw AgentsException.Invalid("spec.max_iterations", $"spec.max_iterations must be 0 (the type's default) or 1-{AgentTypeDefaults.MaxIterationsLimit} (got {spec.MaxIterations}).");
        if (spec.Budget?.MaxTokens is < 0)
            throw AgentsException.Invalid("spec.budget.max_tokens", "spec.budget.max_tokens must not be negative.");
        if (spec.Budget?.MaxCostMicros is < 0)
            throw AgentsException.Invalid("spec.budget.max_cost_micros", "spec.budget.max_cost_micros must not be negative.");
        if (spec.MemoryWindowTokens < 0)
            throw AgentsException.Invalid("spec.memory_window_tokens", "spec.memory_window_tokens must not be negative.");
        AgentTypeRules.ValidateWindow(spec.MemoryWindowTokens, "spec.memory_window_tokens");
        ValidateContextRefs(spec);
        ValidateTimeout(spec);
        ValidateLabels(spec);
    }

    private static void ValidateContextRefs(TaskSpec spec)
    {
        if (spec.ContextRefs.Count > TaskLimits.MaxContextRefs)
            throw AgentsException.Invalid("spec.context_refs", $"spec.context_refs has {spec.ContextRefs.Count} entries; at most {TaskLimits.MaxContextRefs} are allowed.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in spec.ContextRefs)
        {
            if (!ContextRefs.IsWellFormed(reference))
                throw AgentsException.Invalid("spec.context_refs", $"'{Truncate(reference)}' is not a context ref (expected sha256:<64 lowercase hex>).");
            if (!seen.Add(reference))
                throw AgentsException.Invalid("spec.context_refs", $"{reference} is listed twice.");
        }
    }

    private static void ValidateTimeout(TaskSpec spec)
    {
        if (spec.Timeout is null)
            return;
        if (spec.Timeout.Nanos is < -999_999_999 or > 999_999_999)
            throw AgentsException.Invalid("spec.timeout", "spec.timeout is not a valid duration.");
        var timeout = spec.Timeout.ToTimeSpan();
        if (timeout <= TimeSpan.Zero)
            throw AgentsException.Invalid("spec.timeout", "spec.timeout must be positive.");
        if (timeout > TaskLimits.MaxTimeout)
            throw AgentsException.Invalid("spec.timeout", $"spec.timeout must be at most {TaskLimits.MaxTimeout.TotalHours:F0} hours.");
    }

    private static void ValidateLabels(TaskSpec spec)
    {
        if (spec.Labels.Count > TaskLimits.MaxLabels)
            throw AgentsException.Invalid("spec.labels", $"spec.labels has {spec.Labels.Count} entries; at most {TaskLimits.MaxLabels} are allowed.");
        foreach (var (key, value) in spec.Labels)
        {
            if (key.Length is 0 or > TaskLimits.MaxLabelKeyLength || value.Length > TaskLimits.MaxLabelValueLength)
                throw AgentsException.Invalid("spec.labels",
                    $"label keys must be 1-{TaskLimits.MaxLabelKeyLength} characters and values at most {TaskLimits.MaxLabelValueLength}.");
        }
    }

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "...";
}
