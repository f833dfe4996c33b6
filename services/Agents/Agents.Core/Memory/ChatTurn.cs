using Platform.Common.V1;

namespace Platform.Agents.Memory;

/// <summary>One message of a step's conversation, with its token estimate computed once.</summary>
public sealed record ChatTurn
{
    public ChatTurn(ChatRole role, string content, string? name = null)
    {
        Role = role;
        Content = content;
        Name = name;
        Tokens = TokenEstimator.Message(this);
    }

    public ChatRole Role { get; }
    public string Content { get; }
    public string? Name { get; }
    public long Tokens { get; }

    public static ChatTurn System(string content) => new(ChatRole.System, content);
    public static ChatTurn User(string content) => new(ChatRole.User, content);
    public static ChatTurn Assistant(string content) => new(ChatRole.Assistant, content);
}
