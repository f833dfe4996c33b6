using Platform.Common.V1;

namespace Platform.Metrics.Storage;

/// <summary>
/// A roll-up row's identity. Labels a cube does not keep are empty (<see cref="Tier"/> unspecified).
/// </summary>
public readonly record struct RollupKey(
    Grain Grain, DateTime BucketStart, string Model, string Provider, string AgentId, string Team, Tier Tier)
    : IComparable<RollupKey>
{
    // Every writer upserts in this order, so concurrent batches lock shared rows in the same order and
    // wait for each other instead of deadlocking.
    public int CompareTo(RollupKey other)
    {
        var c = Grain.CompareTo(other.Grain);
        if (c == 0) c = BucketStart.CompareTo(other.BucketStart);
        if (c == 0) c = string.CompareOrdinal(AgentId, other.AgentId);
        if (c == 0) c = string.CompareOrdinal(Team, other.Team);
        if (c == 0) c = Tier.CompareTo(other.Tier);
        if (c == 0) c = string.CompareOrdinal(Model, other.Model);
        return c != 0 ? c : string.CompareOrdinal(Provider, other.Provider);
    }

    public object Label(RollupDimension dimension) => dimension switch
    {
        RollupDimension.Model => Model,
        RollupDimension.Provider => Provider,
        RollupDimension.AgentId => AgentId,
        RollupDimension.Team => Team,
        RollupDimension.Tier => (short)Tier,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };
}
