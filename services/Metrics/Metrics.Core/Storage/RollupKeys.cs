using Platform.Common.V1;

namespace Platform.Metrics.Storage;

/// <summary>A row of <c>metrics.model_rollups</c>.</summary>
public readonly record struct ModelRollupKey(Grain Grain, DateTime BucketStart, string Model, string Provider, Tier Tier)
    : IComparable<ModelRollupKey>
{
    // Every writer upserts in this order, so concurrent batches lock shared rows in the same order and
    // wait for each other instead of deadlocking.
    public int CompareTo(ModelRollupKey other)
    {
        var c = Grain.CompareTo(other.Grain);
        if (c == 0) c = BucketStart.CompareTo(other.BucketStart);
        if (c == 0) c = string.CompareOrdinal(Model, other.Model);
        if (c == 0) c = string.CompareOrdinal(Provider, other.Provider);
        return c != 0 ? c : Tier.CompareTo(other.Tier);
    }
}

/// <summary>A row of <c>metrics.agent_rollups</c>.</summary>
public readonly record struct AgentRollupKey(
    Grain Grain, DateTime BucketStart, string AgentId, string Team, Tier Tier, string Model, string Provider)
    : IComparable<AgentRollupKey>
{
    public int CompareTo(AgentRollupKey other)
    {
        var c = Grain.CompareTo(other.Grain);
        if (c == 0) c = BucketStart.CompareTo(other.BucketStart);
        if (c == 0) c = string.CompareOrdinal(AgentId, other.AgentId);
        if (c == 0) c = string.CompareOrdinal(Team, other.Team);
        if (c == 0) c = Tier.CompareTo(other.Tier);
        if (c == 0) c = string.CompareOrdinal(Model, other.Model);
        return c != 0 ? c : string.CompareOrdinal(Provider, other.Provider);
    }
}
