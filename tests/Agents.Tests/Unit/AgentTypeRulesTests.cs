using Platform.Agents.Domain;
using Platform.Agents.Types;
using Platform.Agents.V1;
using Platform.Routing.V1;

namespace Platform.Agents.Tests.Unit;

public sealed class AgentTypeRulesTests
{
    [Fact]
    public void Built_in_types_have_prompts_policies_and_the_platform_defaults()
    {
        Assert.Equal(["analyst", "coder", "general", "writer"], BuiltInAgentTypes.All.Keys.Order());
        Assert.Equal(TaskType.Code, BuiltInAgentTypes.All["coder"].DefaultModelPolicy.Hints.TaskType);
        Assert.Equal(TaskType.Content, BuiltInAgentTypes.All["writer"].DefaultModelPolicy.Hints.TaskType);
        Assert.Equal(TaskType.Reasoning, BuiltInAgentTypes.All["analyst"].DefaultModelPolicy.Hints.TaskType);
        Assert.All(BuiltInAgentTypes.All.Values, type =>
        {
            Assert.True(type.Builtin);
            Assert.NotEmpty(type.SystemPrompt);
            Assert.Equal(100, type.MaxIterations);
            Assert.Equal(["[DONE]", "[COMPLETE]"], type.CompletionMarkers);
            Assert.Equal(8192, type.MemoryWindowTokens);
            Assert.Equal(3, type.LoopDetectionRepeats);
        });
    }

    [Theory]
    [InlineData("agent_type.name", "")]
    [InlineData("agent_type.name", "9lives")]
    [InlineData("agent_type.name", "Upper")]
    public void Bad_names_are_invalid(string field, string name)
    {
        var error = Assert.Throws<AgentsException>(() => AgentTypeRules.Validate(new AgentType { Name = name, SystemPrompt = "p" }));
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("agent_type.system_prompt")]
    [InlineData("agent_type.max_iterations")]
    [InlineData("agent_type.loop_detection_repeats")]
    [InlineData("agent_type.memory_window_tokens")]
    [InlineData("agent_type.completion_markers")]
    public void Out_of_range_values_are_invalid(string field)
    {
        var type = new AgentType { Name = "custom", SystemPrompt = "Do it." };
        switch (field)
        {
            case "agent_type.system_prompt": type.SystemPrompt = " "; break;
            case "agent_type.max_iterations": type.MaxIterations = 5000; break;
            case "agent_type.loop_detection_repeats": type.LoopDetectionRepeats = 1; break;
            case "agent_type.memory_window_tokens": type.MemoryWindowTokens = 100; break;
            case "agent_type.completion_markers": type.CompletionMarkers.Add(""); break;
        }

        var error = Assert.Throws<AgentsException>(() => AgentTypeRules.Validate(type));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Normalizing_fills_defaults_and_the_etag_follows_the_definition()
    {
        var a = AgentTypeRules.Normalize(new AgentType { Name = "reviewer", SystemPrompt = "Review." });
        var b = AgentTypeRules.Normalize(new AgentType { Name = "reviewer", SystemPrompt = "Review.", MaxIterations = 100, Etag = "stale" });
        var c = AgentTypeRules.Normalize(new AgentType { Name = "reviewer", SystemPrompt = "Review harder." });

        Assert.Equal(100, a.MaxIterations);
        Assert.Equal(["[DONE]", "[COMPLETE]"], a.CompletionMarkers);
        Assert.True(AgentTypeRules.SameDefinition(a, b));
        Assert.False(AgentTypeRules.SameDefinition(a, c));
    }

    [Fact]
    public void Task_policy_fields_override_the_type_policy_field_by_field()
    {
        var typePolicy = new ModelPolicy
        {
            Model = "gpt-4.1",
            MaxTokensPerStep = 512,
            Hints = new RoutingHints { TaskType = TaskType.Code, FallbackModels = { "a", "b" }, Strategy = Strategy.Cost },
        };
        var taskPolicy = new ModelPolicy { Temperature = 0.2, Hints = new RoutingHints { FallbackModels = { "c" }, LatencySensitivity = LatencySensitivity.High } };

        var merged = ModelPolicyRules.Merge(typePolicy, taskPolicy);

        Assert.Equal("gpt-4.1", merged.Model);
        Assert.Equal(512, merged.MaxTokensPerStep);
        Assert.Equal(0.2, merged.Temperature);
        Assert.Equal(TaskType.Code, merged.Hints.TaskType);
        Assert.Equal(Strategy.Cost, merged.Hints.Strategy);
        Assert.Equal(LatencySensitivity.High, merged.Hints.LatencySensitivity);
        Assert.Equal(["c"], merged.Hints.FallbackModels);
        Assert.Equal(["a", "b"], typePolicy.Hints.FallbackModels);
    }
}
