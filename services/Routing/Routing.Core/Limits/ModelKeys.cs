using Platform.Redis;

namespace Platform.Routing.Limits;

/// <summary>A model's Redis keys, all with the hash tag <c>{prefix:model}</c> so one script can touch them all (and Cluster keeps them in one slot).</summary>
public sealed class ModelKeys
{
    public ModelKeys(string prefix, string model)
    {
        var tag = "{" + prefix + ":" + model + "}";
        Breaker = tag + ":breaker";
        Probe = tag + ":probe";
        Concurrency = tag + ":conc";
        Rpm = tag + ":rpm";
        Tpm = tag + ":tpm";
        Stats = tag + ":stats";
        Admit = [Breaker, Probe, Concurrency, Rpm, Tpm];
        Complete = [Breaker, Probe, Concurrency, Tpm, Stats];
        Health = [Breaker, Concurrency, Rpm, Tpm, Stats];
    }

    public RedisKey Breaker { get; }
    public RedisKey Probe { get; }
    public RedisKey Concurrency { get; }
    public RedisKey Rpm { get; }
    public RedisKey Tpm { get; }
    public RedisKey Stats { get; }

    internal RedisKey[] Admit { get; }
    internal RedisKey[] Complete { get; }
    internal RedisKey[] Health { get; }
}
