using Platform.Routing.Requests;
using Platform.Routing.Selection;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Tests.Selection;

public sealed class PromptAnalyzerTests
{
    [Theory]
    [InlineData("Is this email spam? Answer yes or no.", TaskType.Classification)]
    [InlineData("Translate this paragraph into French.", TaskType.Content)]
    [InlineData("Plan a migration and compare the trade-offs.", TaskType.Reasoning)]
    [InlineData("Here is a stack trace, fix the bug: ```at Foo()```", TaskType.Code)]
    [InlineData("Hi there!", TaskType.General)]
    public void Task_type_is_inferred_from_the_prompt(string prompt, TaskType expected) =>
        Assert.Equal(expected, PromptAnalyzer.InferTaskType(prompt));

    [Fact]
    public void Complexity_grows_with_length_technical_terms_and_code()
    {
        Assert.Equal(Complexity.Low, PromptAnalyzer.InferComplexity("hello", 5));
        Assert.Equal(Complexity.Medium, PromptAnalyzer.InferComplexity("database latency", 20));
        Assert.Equal(Complexity.High, PromptAnalyzer.InferComplexity("kubernetes concurrency protocol schema throughput", 50));
        Assert.Equal(Complexity.High, PromptAnalyzer.InferComplexity("x", 5_000));
    }

    [Fact]
    public void Hints_override_inference_and_tokens_follow_the_four_characters_rule()
    {
        var profile = PromptAnalyzer.Analyze([new ChatMessage(ChatRole.System, "12345678"), new ChatMessage(ChatRole.User, "abc", "bob")],
            new RoutingHints { TaskType = TaskType.Code, Complexity = Complexity.High });
        Assert.Equal(TaskType.Code, profile.TaskType);
        Assert.Equal(Complexity.High, profile.Complexity);
        // 3 + (3 + 2) + (3 + 1 + 1)
        Assert.Equal(13, profile.EstimatedInputTokens);
    }
}
