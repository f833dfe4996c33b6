using System.Text;

namespace Platform.Agents.Domain;

/// <summary>The <c>platform-error-reason</c> values of AgentService.</summary>
public static class ErrorReasons
{
    public const string AgentNotFound = "AGENT_NOT_FOUND";
    public const string AgentRetired = "AGENT_RETIRED";
    public const string AgentTypeNotFound = "AGENT_TYPE_NOT_FOUND";
    public const string AgentTypeExists = "AGENT_TYPE_EXISTS";
    public const string BuiltinAgentType = "BUILTIN_AGENT_TYPE";
    public const string EtagMismatch = "ETAG_MISMATCH";
    public const string ContextNotFound = "CONTEXT_NOT_FOUND";
    public const string TaskNotFound = "TASK_NOT_FOUND";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string QueueFull = "QUEUE_FULL";
    public const string BudgetUnavailable = "BUDGET_UNAVAILABLE";
    public const string StoreUnavailable = "STORE_UNAVAILABLE";

    /// <summary><c>spec.model_policy.max_tokens_per_step</c> -> <c>SPEC_MODEL_POLICY_MAX_TOKENS_PER_STEP</c>.</summary>
    public static string ForField(string field)
    {
        var reason = new StringBuilder(field.Length);
        foreach (var c in field)
            reason.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        return reason.ToString();
    }
}
