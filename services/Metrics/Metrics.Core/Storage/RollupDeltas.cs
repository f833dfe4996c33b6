using Platform.Metrics.Events;

namespace Platform.Metrics.Storage;

/// <summary>What a batch of newly stored calls adds to each roll-up row, at every grain.</summary>
public sealed class RollupDeltas
{
    private static readonly Grain[] Grains = [Grain.Minute, Grain.Hour, Grain.Day];

    public SortedDictionary<ModelRollupKey, CallTally> Models { get; } = new();

    public SortedDictionary<AgentRollupKey, CallTally> Agents { get; } = new();

    public static RollupDeltas From(IEnumerable<CallRecord> calls)
    {
        var deltas = new RollupDeltas();
        // Dictionaries while adding (the sorted ones are for writing in lock order).
        var models = new Dictionary<ModelRollupKey, CallTally>();
        var agents = new Dictionary<AgentRollupKey, CallTally>();
        foreach (var call in calls)
        {
            foreach (var grain in Grains)
            {
                var bucket = grain.Floor(call.EventTime);
                Tally(models, new ModelRollupKey(grain, bucket, call.Model, call.Provider, call.Tier)).Add(call);
                Tally(agents, new AgentRollupKey(grain, bucket, call.AgentId, call.Team, call.Tier, call.Model, call.Provider)).Add(call);
            }
        }

        foreach (var (key, tally) in models)
            deltas.Models.Add(key, tally);
        foreach (var (key, tally) in agents)
            deltas.Agents.Add(key, tally);
        return deltas;
    }

    private static CallTally Tally<TKey>(Dictionary<TKey, CallTally> tallies, TKey key)
        where TKey : notnull
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tally = new CallTally();
            tallies.Add(key, tally);
        }

        return tally;
    }
}
