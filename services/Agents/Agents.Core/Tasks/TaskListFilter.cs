using Platform.Agents.V1;

namespace Platform.Agents.Tasks;

/// <summary>ListTasks filters (they must stay the same across the pages of one listing).</summary>
public sealed record TaskListFilter(
    string AgentId,
    IReadOnlyList<TaskState> States,
    IReadOnlyList<TaskOutcome> Outcomes,
    string AgentType,
    DateTime? CreatedFrom,
    DateTime? CreatedBefore);
