using Platform.Metrics.Events;

namespace Platform.Metrics.Storage;

/// <summary>What a batch of newly stored calls adds to each roll-up row, per cube, at every grain.</summary>
public static class RollupDeltas
{
    private static readonly Grain[] Grains = [Grain.Minute, Grain.Hour, Grain.Day];

    /// <summary>The deltas of one cube, in the order rows are upserted (see <see cref="RollupKey.CompareTo"/>).</summary>
    public static IReadOnlyList<KeyValuePair<RollupKey, CallTally>> For(RollupCube cube, IReadOnlyList<CallRecord> calls)
    {
        var tallies = new Dictionary<RollupKey, CallTally>();
        foreach (var call in calls)
        {
            foreach (var grain in Grains)
            {
                var key = cube.KeyOf(call, grain);
                if (!tallies.TryGetValue(key, out var tally))
                {
                    tally = new CallTally();
                    tallies.Add(key, tally);
                }

                tally.Add(call);
            }
        }

        var ordered = tallies.ToList();
        ordered.Sort((a, b) => a.Key.CompareTo(b.Key));
        return ordered;
    }
}
