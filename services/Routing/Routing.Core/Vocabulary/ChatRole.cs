namespace Platform.Routing.Vocabulary;

/// <summary>Author of a chat message. Values match platform.common.v1.ChatRole.</summary>
public enum ChatRole
{
    Unspecified = 0,
    System = 1,
    User = 2,
    Assistant = 3,
    Tool = 4,
}
