using Platform.Metrics.Events;

namespace Platform.Metrics.Storage;

/// <summary>A label a roll-up table is keyed by (besides grain and bucket start).</summary>
public enum RollupDimension
{
    Model,
    Provider,
    AgentId,
    Team,
    Tier,
}

/// <summary>
/// One roll-up table and the labels it keeps. Every cube holds the same statistics; a report reads the
/// smallest cube that has the labels it groups or filters by.
/// </summary>
public sealed class RollupCube
{
    /// <summary>Model, provider and tier: model, tier and spend reports, live snapshots, alerts.</summary>
    public static readonly RollupCube Models = new("model_rollups", [RollupDimension.Model, RollupDimension.Provider, RollupDimension.Tier]);

    /// <summary>Agent, team and tier: agent and team reports, agent counts, top agents and teams.</summary>
    public static readonly RollupCube Agents = new("agent_rollups", [RollupDimension.AgentId, RollupDimension.Team, RollupDimension.Tier]);

    /// <summary>Every label: reports restricted to agents or teams that still need per-model figures.</summary>
    public static readonly RollupCube AgentModels = new("agent_model_rollups",
        [RollupDimension.AgentId, RollupDimension.Team, RollupDimension.Tier, RollupDimension.Model, RollupDimension.Provider]);

    public static readonly IReadOnlyList<RollupCube> All = [Models, Agents, AgentModels];

    private RollupCube(string table, IReadOnlyList<RollupDimension> dimensions)
    {
        Table = table;
        Dimensions = dimensions;
    }

    /// <summary>The table in the <c>metrics</c> schema.</summary>
    public string Table { get; }

    public IReadOnlyList<RollupDimension> Dimensions { get; }

    public bool Has(RollupDimension dimension) => Dimensions.Contains(dimension);

    /// <summary>The row of this cube that <paramref name="call"/> counts in at <paramref name="grain"/>.</summary>
    public RollupKey KeyOf(CallRecord call, Grain grain) => new(
        grain,
        grain.Floor(call.EventTime),
        Has(RollupDimension.Model) ? call.Model : "",
        Has(RollupDimension.Provider) ? call.Provider : "",
        Has(RollupDimension.AgentId) ? call.AgentId : "",
        Has(RollupDimension.Team) ? call.Team : "",
        Has(RollupDimension.Tier) ? call.Tier : default);

    public static string Column(RollupDimension dimension) => dimension switch
    {
        RollupDimension.Model => "model",
        RollupDimension.Provider => "provider",
        RollupDimension.AgentId => "agent_id",
        RollupDimension.Team => "team",
        RollupDimension.Tier => "tier",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    public override string ToString() => Table;
}
