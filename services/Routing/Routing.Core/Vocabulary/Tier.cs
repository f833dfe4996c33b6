namespace Platform.Routing.Vocabulary;

/// <summary>Priority class of the calling agent. Values match platform.common.v1.Tier so the contract maps by cast.</summary>
public enum Tier
{
    Unspecified = 0,
    Critical = 1,
    High = 2,
    Medium = 3,
    Low = 4,
}
