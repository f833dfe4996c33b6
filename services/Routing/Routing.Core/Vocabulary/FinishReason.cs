namespace Platform.Routing.Vocabulary;

/// <summary>Why generation ended. Values match platform.routing.v1.FinishReason.</summary>
public enum FinishReason
{
    Unspecified = 0,
    Stop = 1,
    Length = 2,
    ContentFilter = 3,
    ToolCalls = 4,
}
