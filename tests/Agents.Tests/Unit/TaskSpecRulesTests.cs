using Google.Protobuf.WellKnownTypes;
using Platform.Agents.Domain;
using Platform.Agents.Tasks;
using Platform.Agents.V1;

namespace Platform.Agents.Tests.Unit;

/// <summary>Bad task specs are refused with INVALID_ARGUMENT naming the field at fault.</summary>
public sealed class TaskSpecRulesTests
{
    private static TaskSpec Valid() => new() { Goal = "Summarise the report.", AgentId = "support-bot.eu:1" };

    public static TheoryData<string, Action<TaskSpec>> BadSpecs => new()
    {
        { "spec.goal", s => s.Goal = "" },
        { "spec.goal", s => s.Goal = "   \n " },
        { "spec.goal", s => s.Goal = new string('x', TaskLimits.MaxGoalBytes + 1) },
        { "spec.agent_id", s => s.AgentId = "" },
        { "spec.agent_id", s => s.AgentId = "bad agent" },
        { "spec.agent_type", s => s.AgentType = "Coder!" },
        { "spec.max_iterations", s => s.MaxIterations = 1001 },
        { "spec.max_iterations", s => s.MaxIterations = -1 },
        { "spec.budget.max_tokens", s => s.Budget = new TaskBudget { MaxTokens = -1 } },
        { "spec.budget.max_cost_micros", s => s.Budget = new TaskBudget { MaxCostMicros = -5 } },
        { "spec.memory_window_tokens", s => s.MemoryWindowTokens = 1023 },
        { "spec.memory_window_tokens", s => s.MemoryWindowTokens = -1 },
        { "spec.context_refs", s => s.ContextRefs.Add("sha256:xyz") },
        { "spec.context_refs", s => { s.ContextRefs.Add("sha256:" + new string('a', 64)); s.ContextRefs.Add("sha256:" + new string('a', 64)); } },
        { "spec.timeout", s => s.Timeout = Duration.FromTimeSpan(TimeSpan.Zero) },
        { "spec.timeout", s => s.Timeout = Duration.FromTimeSpan(TimeSpan.FromDays(3)) },
        { "spec.model_policy.temperature", s => s.ModelPolicy = new ModelPolicy { Temperature = 2.5 } },
        { "spec.model_policy.max_tokens_per_step", s => s.ModelPolicy = new ModelPolicy { MaxTokensPerStep = 0 } },
        { "spec.labels", s => { for (var i = 0; i < 33; i++) s.Labels["k" + i] = "v"; } },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public void Bad_fields_are_invalid_argument_naming_the_field(string field, Action<TaskSpec> spoil)
    {
        var spec = Valid();
        spoil(spec);

        var error = Assert.Throws<AgentsException>(() => TaskSpecRules.Validate(spec));

        Assert.Equal(AgentsErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(field, error.Field);
        Assert.Equal(ErrorReasons.ForField(field), error.Reason);
    }

    [Fact]
    public void A_missing_spec_is_invalid()
    {
        var error = Assert.Throws<AgentsException>(() => TaskSpecRules.Validate(null));
        Assert.Equal("spec", error.Field);
    }

    [Fact]
    public void A_valid_spec_passes()
    {
        var spec = Valid();
        spec.MaxIterations = 1000;
        spec.MemoryWindowTokens = 1024;
        spec.ContextRefs.Add("sha256:" + new string('0', 64));
        spec.Budget = new TaskBudget { MaxTokens = 0, MaxCostMicros = 0 };

        TaskSpecRules.Validate(spec);
    }

    [Fact]
    public void The_fingerprint_ignores_label_order_but_not_content()
    {
        var a = Valid();
        a.Labels["x"] = "1";
        a.Labels["y"] = "2";
        var b = Valid();
        b.Labels["y"] = "2";
        b.Labels["x"] = "1";
        var c = Valid();
        c.Goal += "!";

        Assert.Equal(SpecFingerprint.Of(a), SpecFingerprint.Of(b));
        Assert.NotEqual(SpecFingerprint.Of(a), SpecFingerprint.Of(c));
    }
}
