using Platform.Budget.Accounting;
using Platform.Budget.Hosting;
using Platform.Redis;

namespace Platform.Budget.Registry;

/// <summary>
/// Writes the registry (PostgreSQL, the source of truth) through to the Redis hash the scripts read.
/// Versioned: a replica holding an older snapshot never overwrites a newer mirror.
/// </summary>
public sealed class ConfigMirror(IRedisDatabase redis, BudgetSettings settings)
{
    /// <summary>Replaces the mirror with <paramref name="snapshot"/> if it is newer; records <paramref name="change"/> either way.</summary>
    public async Task<bool> ApplyAsync(RegistrySnapshot snapshot, ConfigChange? change, CancellationToken cancellationToken = default)
    {
        var args = new List<RedisValue>
        {
            snapshot.Version,
            settings.EventsMaxLength,
            change?.AgentId ?? string.Empty,
            change?.EventType ?? 0,
            change?.Message ?? string.Empty,
        };
        args.AddRange(MirrorFields.Build(snapshot));
        var keys = new RedisKey[] { settings.Keys.Config, settings.Keys.Ledger, settings.Keys.Events };
        var reply = await redis.ScriptEvaluateAsync(BudgetScripts.Configure, keys, [.. args], cancellationToken);
        return (long)reply == 1;
    }

    /// <summary>The configuration version Redis holds; -1 when the mirror is missing (fresh or flushed Redis).</summary>
    public async Task<long> VersionAsync(CancellationToken cancellationToken = default)
    {
        var value = await redis.HashGetAsync(settings.Keys.Config, "v", cancellationToken);
        return value.IsNull ? -1 : (long)value;
    }
}
