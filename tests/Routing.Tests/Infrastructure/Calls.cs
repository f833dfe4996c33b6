using Platform.Common.V1;
using Platform.Routing.V1;

namespace Platform.Routing.Tests.Infrastructure;

/// <summary>Small builders for gRPC requests.</summary>
public static class Calls
{
    public static CompleteRequest Complete(string agent, string model, string text = "Hello from the routing tests.", int maxTokens = 60)
    {
        var request = new CompleteRequest { AgentId = agent, Model = model, MaxTokens = maxTokens };
        request.Messages.Add(new ChatMessage { Role = ChatRole.User, Content = text });
        return request;
    }

    public static StreamCompleteRequest Stream(string agent, string model, string text = "Hello from the routing tests.", int maxTokens = 60)
    {
        var request = new StreamCompleteRequest { AgentId = agent, Model = model, MaxTokens = maxTokens };
        request.Messages.Add(new ChatMessage { Role = ChatRole.User, Content = text });
        return request;
    }

    public static DateTime Deadline(int seconds = 30) => DateTime.UtcNow.AddSeconds(seconds);

    public static string Id(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
