using Platform.LlmSimulator.Generation;
using Platform.LlmSimulator.Models;
using Platform.LlmSimulator.OpenAi;

namespace Platform.LlmSimulator.Completions;

/// <summary>One accepted request, ready to be answered: who asked, for what, and the reply to give.</summary>
public sealed record CompletionContext(
    ModelState Model,
    ModelProfile Profile,
    ChatCompletionRequest Request,
    CompletionText Text,
    int PromptTokens,
    double LatencyScale)
{
    public Usage Usage => new() { PromptTokens = PromptTokens, CompletionTokens = Text.Count };
}
