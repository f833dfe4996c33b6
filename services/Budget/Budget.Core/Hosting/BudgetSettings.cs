using Microsoft.Extensions.Options;
using Platform.Budget.Accounting;
using Platform.Redis;

namespace Platform.Budget.Hosting;

/// <summary>
/// The options the scripts receive on every call, converted to Redis values once (pre-serialized
/// arguments keep the hot path free of formatting), plus the fleet's keys.
/// </summary>
public sealed class BudgetSettings
{
    /// <summary>Day counters (with their hours) outlive their day for reports, lookback and late commits.</summary>
    private static readonly TimeSpan DayWindowLifetime = TimeSpan.FromDays(8);

    public BudgetSettings(IOptions<BudgetOptions> options)
        : this(options.Value)
    {
    }

    public BudgetSettings(BudgetOptions options)
    {
        Options = options;
        Keys = new BudgetKeys(options.FleetId);
        IdempotencyTtlMs = Text((long)options.IdempotencyRetention.TotalMilliseconds);
        DayWindowTtlSeconds = Text((long)DayWindowLifetime.TotalSeconds);
        EventsMaxLength = Text(options.EventsMaxLength);
        OutputSampleSize = Text(options.OutputSampleSize);
        SettledRetentionMs = Text((long)options.SettledRetention.TotalMilliseconds);
    }

    public BudgetOptions Options { get; }

    public BudgetKeys Keys { get; }

    public RedisValue IdempotencyTtlMs { get; }

    public RedisValue DayWindowTtlSeconds { get; }

    public RedisValue EventsMaxLength { get; }

    public RedisValue OutputSampleSize { get; }

    public RedisValue SettledRetentionMs { get; }

    private static RedisValue Text(long value) => System.Text.Encoding.ASCII.GetBytes(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
