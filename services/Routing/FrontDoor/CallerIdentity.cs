namespace Platform.Routing.FrontDoor;

/// <summary>Finds the calling agent: a configured API key (<c>Authorization: Bearer</c>), else the <c>x-agent-id</c> header when allowed.</summary>
internal sealed class CallerIdentity
{
    private readonly Dictionary<string, string> _agentsByKey;
    private readonly bool _allowHeader;

    public CallerIdentity(FrontDoorOptions options)
    {
        _agentsByKey = options.ApiKeys.Where(k => k.Key.Length > 0 && k.AgentId.Length > 0).ToDictionary(k => k.Key, k => k.AgentId, StringComparer.Ordinal);
        _allowHeader = options.AllowAgentHeader;
    }

    public string? AgentOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) &&
            _agentsByKey.TryGetValue(authorization[7..].Trim(), out var agent))
            return agent;
        if (_allowHeader && request.Headers.TryGetValue("x-agent-id", out var header) && header.ToString().Length > 0)
            return header.ToString();
        return null;
    }
}
