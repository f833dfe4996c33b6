namespace Platform.Routing.Vocabulary;

/// <summary>Estimated difficulty of a prompt. Values match platform.routing.v1.Complexity.</summary>
public enum Complexity
{
    Unspecified = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}
