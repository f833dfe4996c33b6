using Platform.Routing.Vocabulary;

namespace Platform.Routing.Budgeting;

/// <summary>What routing needs to know about the calling agent.</summary>
public sealed record AgentProfile(string AgentId, Tier Tier, string Team);
