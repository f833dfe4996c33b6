namespace Platform.Routing.FrontDoor;

/// <summary><c>Routing:FrontDoor</c>: who may call the OpenAI-compatible endpoint, and its limits.</summary>
public sealed class FrontDoorOptions
{
    public const string Section = "Routing:FrontDoor";

    /// <summary>API keys and the agent each one acts as: <c>Routing:FrontDoor:ApiKeys:0:Key</c> / <c>:AgentId</c>.</summary>
    public List<ApiKeyBinding> ApiKeys { get; set; } = [];

    /// <summary>Whether a caller without a known key may name its agent in the <c>x-agent-id</c> header (trusted networks).</summary>
    public bool AllowAgentHeader { get; set; } = true;

    /// <summary>Largest request body accepted; larger is 413.</summary>
    public long MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Deadline of a call without an <c>x-request-timeout-ms</c> header.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class ApiKeyBinding
{
    public string Key { get; set; } = "";

    public string AgentId { get; set; } = "";
}
