using Grpc.Core;
using Platform.Budget.V1;
using Platform.Routing.Hosting;
using Platform.Routing.Resilience;
using DomainTier = Platform.Routing.Vocabulary.Tier;
using TierPolicy = Platform.Routing.Resilience.TierPolicy;

namespace Platform.Routing.Budget;

/// <summary>
/// Tier retry policies: configuration overrides first, then the budget service's fleet policy (re-read
/// every minute in the background), then the platform defaults until the fleet was read once.
/// </summary>
public sealed partial class FleetTierPolicies(BudgetService.BudgetServiceClient client, RoutingOptions options, ILogger<FleetTierPolicies> logger)
    : BackgroundService, ITierPolicySource
{
    private volatile IReadOnlyDictionary<DomainTier, TierPolicy> _fleet = new Dictionary<DomainTier, TierPolicy>();

    public TierPolicy For(DomainTier tier)
    {
        var policy = _fleet.TryGetValue(tier, out var fleet) ? fleet : TierPolicy.DefaultFor(tier);
        if (options.TierPolicies.TryGetValue(tier, out var configured))
        {
            policy = policy with
            {
                MaxRetries = configured.MaxRetries ?? policy.MaxRetries,
                MaxRetryDuration = configured.MaxRetryDuration ?? policy.MaxRetryDuration,
            };
        }
        return policy;
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var response = await client.GetFleetBudgetAsync(new GetFleetBudgetRequest(), deadline: DateTime.UtcNow + TimeSpan.FromSeconds(5), cancellationToken: cancellationToken);
        var policies = new Dictionary<DomainTier, TierPolicy>();
        foreach (var policy in response.FleetBudget?.TierPolicies ?? [])
        {
            var tier = (DomainTier)(int)policy.Tier;
            var defaults = TierPolicy.DefaultFor(tier);
            policies[tier] = new TierPolicy(
                policy.MaxRetries,
                policy.MaxRetryDuration?.ToTimeSpan() ?? defaults.MaxRetryDuration,
                (Resilience.ModelCostPolicy)(int)policy.ModelCostPolicy);
        }
        _fleet = policies;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.FleetPolicyRefreshInterval);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                LogRefreshFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the fleet's tier policies from the budget service; keeping the last ones")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
