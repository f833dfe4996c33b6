namespace Platform.Routing.Vocabulary;

/// <summary>What a request is for. Values match platform.routing.v1.TaskType.</summary>
public enum TaskType
{
    Unspecified = 0,
    General = 1,
    Classification = 2,
    Content = 3,
    Reasoning = 4,
    Code = 5,
}
