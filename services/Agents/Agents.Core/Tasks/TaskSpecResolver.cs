using Platform.Agents.Types;
using Platform.Agents.V1;

namespace Platform.Agents.Tasks;

/// <summary>Fills a spec's defaults from its agent type, so the stored spec says exactly what runs.</summary>
public static class TaskSpecResolver
{
    public static TaskSpec Resolve(TaskSpec spec, AgentType type)
    {
        var resolved = spec.Clone();
        resolved.AgentType = type.Name;
        resolved.ModelPolicy = ModelPolicyRules.Merge(type.DefaultModelPolicy, spec.ModelPolicy);
        if (resolved.MaxIterations == 0)
            resolved.MaxIterations = type.MaxIterations;
        if (resolved.MemoryWindowTokens == 0)
            resolved.MemoryWindowTokens = type.MemoryWindowTokens;
        resolved.Timeout ??= Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TaskLimits.DefaultTimeout);
        resolved.Budget ??= new TaskBudget();
        return resolved;
    }
}
