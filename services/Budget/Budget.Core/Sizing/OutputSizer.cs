using System.Collections.Immutable;
using Platform.Budget.Domain;
using Platform.Budget.Hosting;
using Platform.Budget.Registry;
using Platform.Redis;

namespace Platform.Budget.Sizing;

/// <summary>
/// Reservation sizing from observed output lengths: for agents with OUTPUT_ESTIMATE_P95_OBSERVED,
/// hold the 95th percentile of their recent outputs instead of max_output_tokens. Commit records each
/// output in a per-agent ring in Redis; every replica refreshes the percentiles every few seconds,
/// so the hot path only does a dictionary lookup.
/// </summary>
public sealed class OutputSizer(IRedisDatabase redis, BudgetSettings settings, AgentDirectory directory)
{
    private ImmutableDictionary<string, long> _p95 = ImmutableDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal);

    public (long Estimate, OutputEstimate Mode) Estimate(string agentId, long maxOutputTokens) =>
        Volatile.Read(ref _p95).TryGetValue(agentId, out var p95)
            ? (Math.Clamp(p95, 1, maxOutputTokens), OutputEstimate.P95Observed)
            : (maxOutputTokens, OutputEstimate.MaxTokens);

    /// <summary>The current p95 of an agent's observed outputs, if sizing is on and enough were seen.</summary>
    public long? CurrentP95(string agentId) => Volatile.Read(ref _p95).TryGetValue(agentId, out var p95) ? p95 : null;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var size = settings.Options.OutputSampleSize;
        var builder = ImmutableDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        foreach (var agent in directory.Current.Agents.Values)
        {
            if (agent.Spec.OutputEstimate != OutputEstimate.P95Observed || !agent.IsActive)
            {
                continue;
            }

            var fields = new RedisValue[size + 1];
            fields[0] = agent.Id + ":n";
            for (var i = 0; i < size; i++)
            {
                fields[i + 1] = agent.Id + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var values = await redis.HashGetAsync(settings.Keys.Samples, fields, cancellationToken);
            if (P95(values, settings.Options.OutputSampleMinimum) is { } p95)
            {
                builder[agent.Id] = p95;
            }
        }

        Volatile.Write(ref _p95, builder.ToImmutable());
    }

    /// <summary>values[0] = how many were observed, the rest the ring; null below the minimum.</summary>
    internal static long? P95(RedisValue[] values, int minimum)
    {
        var seen = values[0].IsNull ? 0 : (long)values[0];
        if (seen < minimum)
        {
            return null;
        }

        var samples = new List<long>(values.Length - 1);
        for (var i = 1; i < values.Length; i++)
        {
            if (!values[i].IsNull)
            {
                samples.Add((long)values[i]);
            }
        }

        if (samples.Count == 0)
        {
            return null;
        }

        samples.Sort();
        var rank = (int)Math.Ceiling(samples.Count * 0.95) - 1;
        return samples[Math.Clamp(rank, 0, samples.Count - 1)];
    }
}
