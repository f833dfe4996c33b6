using Platform.Budget.Domain;
using Platform.Budget.Reallocation;
using Platform.Budget.Registry;
using Platform.Budget.Reports;
using Platform.Budget.Tests.Infrastructure;

namespace Platform.Budget.Tests.Reallocation;

/// <summary>The planner's rules on PRODUCT.md's fleet, without any store.</summary>
public sealed class ReallocationPlannerTests
{
    private static readonly RegistrySnapshot Fleet = new(1, FleetBudget.Default, TestAgents.Index(TestAgents.ProductFleet()));

    [Fact]
    public void Moves_unused_budget_from_idle_agents_to_a_starved_one_lowest_tier_first()
    {
        var demand = new Dictionary<string, AgentDemand> { ["customer_support"] = new(12, 9_000, 0, 0, 40_000, 0) };

        var moves = Plan(demand);

        // LOW's logger gives first (half its unused 5,000), then MEDIUM's analytics; HIGH's idle
        // product_search too (same tier); nobody takes from CRITICAL.
        Assert.Equal(
            [("logger", 2_500L), ("analytics", 6_500L)],
            moves.Where(m => m.ToAgentId == "customer_support").Select(m => (m.FromAgentId, m.Tokens)));
        Assert.DoesNotContain(moves, m => m.FromAgentId is "order_processing" or "payment_verification");
        Assert.All(moves, m => Assert.Equal(12, m.ToDenialCount));
    }

    [Fact]
    public void Low_never_receives_and_critical_never_gives()
    {
        var demand = new Dictionary<string, AgentDemand>
        {
            ["logger"] = new(50, 10_000, 0, 0, 0, 0),
            ["order_processing"] = new(3, 1_000, 0, 0, 50_000, 0),
        };

        var moves = Plan(demand);

        Assert.DoesNotContain(moves, m => m.ToAgentId == "logger");
        Assert.Equal([("logger", "order_processing", 1_000L)], moves.Select(m => (m.FromAgentId, m.ToAgentId, m.Tokens)));
    }

    [Fact]
    public void A_busy_donor_gives_nothing_and_a_donor_keeps_its_floor()
    {
        var busy = new Dictionary<string, AgentDemand>
        {
            ["product_search"] = new(5, 50_000, 0, 0, 0, 0),
            ["customer_support"] = new(0, 0, 0, 0, 40_000, 0),
            ["analytics"] = new(0, 0, 0, 0, 14_000, 0),
            ["logger"] = new(0, 0, 0, 0, 4_000, 0),
        };
        Assert.Empty(Plan(busy));

        // Half of what is unused, but never below the floor (25% of its own limit).
        var counters = Counters(("analytics", "tu", 1_000), ("analytics", "ra", -10_000));
        var starved = new Dictionary<string, AgentDemand> { ["product_search"] = new(5, 50_000, 0, 0, 25_000, 0) };
        var moves = ReallocationPlanner.Plan(Fleet, starved, counters, Counters(), TimeSpan.FromHours(1), floorPercent: 25);
        Assert.Equal(1_250, moves.Single(m => m.FromAgentId == "analytics").Tokens);
    }

    private static List<ReallocationMove> Plan(Dictionary<string, AgentDemand> demand) =>
        ReallocationPlanner.Plan(Fleet, demand, Counters(), Counters(), TimeSpan.FromHours(1), floorPercent: 25);

    private static WindowCounters Counters(params (string Agent, string Field, long Value)[] values) => WindowCounters.Of(values);
}
