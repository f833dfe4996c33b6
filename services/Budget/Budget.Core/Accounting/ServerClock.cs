using Platform.Budget.Hosting;
using Platform.Redis;

namespace Platform.Budget.Accounting;

/// <summary>The fleet's clock as the scripts see it (Redis TIME + the fleet's clock offset), for reports and reallocation.</summary>
public sealed class ServerClock(IRedisDatabase redis, BudgetSettings settings)
{
    public async Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken = default) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)await redis.ScriptEvaluateAsync(BudgetScripts.Clock, [settings.Keys.Config], null, cancellationToken));
}
