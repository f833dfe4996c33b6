namespace Platform.Routing.Vocabulary;

/// <summary>Values match platform.routing.v1.LatencySensitivity.</summary>
public enum LatencySensitivity
{
    Unspecified = 0,
    Low = 1,
    Normal = 2,
    High = 3,
}
