namespace Platform.Routing.Vocabulary;

/// <summary>End user's plan. Values match platform.routing.v1.UserTier.</summary>
public enum UserTier
{
    Unspecified = 0,
    Free = 1,
    Standard = 2,
    Premium = 3,
}
