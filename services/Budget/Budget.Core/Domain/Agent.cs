using System.Globalization;

namespace Platform.Budget.Domain;

/// <summary>A registered agent: its spec plus what the service maintains.</summary>
public sealed record Agent(
    AgentSpec Spec,
    AgentState State,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    DateTimeOffset? RetireTime,
    long Version)
{
    public string Id => Spec.AgentId;

    public bool IsActive => State == AgentState.Active;

    /// <summary>Opaque version for conditional updates.</summary>
    public string ETag => Version.ToString(CultureInfo.InvariantCulture);
}
