namespace Platform.LlmSimulator.Completions;

/// <summary>Why a request is rejected with 400, in OpenAI's terms.</summary>
public sealed record ValidationError(string Message, string? Param, string? Code);
