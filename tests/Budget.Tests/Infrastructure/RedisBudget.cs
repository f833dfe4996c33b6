using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Platform.Budget.Expiry;
using Platform.Budget.Hosting;
using Platform.Budget.Registry;
using Platform.Budget.Sizing;
using Platform.Redis;
using Platform.Testing.Redis;

namespace Platform.Budget.Tests.Infrastructure;

/// <summary>
/// The budget engine on a real redis-server with a fleet of its own (a unique fleet id = its own
/// keys), configured straight into the Redis mirror, without PostgreSQL.
/// </summary>
public sealed class RedisBudget : IAsyncDisposable
{
    private long _version;

    private RedisBudget(RedisConnection connection, BudgetSettings settings)
    {
        Connection = connection;
        Settings = settings;
        Directory = new AgentDirectory();
        Sizer = new OutputSizer(Redis, settings, Directory);
        Accountant = new BudgetAccountant(Redis, settings, new WindowGuess(TimeProvider.System), Sizer);
        Mirror = new ConfigMirror(Redis, settings);
        Sweeper = new ReservationSweeper(Redis, settings);
    }

    public RedisConnection Connection { get; }

    public IRedisDatabase Redis => Connection.GetDatabase();

    public BudgetSettings Settings { get; }

    public BudgetKeys Keys => Settings.Keys;

    public AgentDirectory Directory { get; }

    public OutputSizer Sizer { get; }

    public BudgetAccountant Accountant { get; }

    public ConfigMirror Mirror { get; }

    public ReservationSweeper Sweeper { get; }

    public static async Task<RedisBudget> StartAsync(RedisServerFixture redis, IEnumerable<Agent> agents, FleetBudget? fleet = null,
        Action<BudgetOptions>? configure = null)
    {
        var options = new BudgetOptions { FleetId = "t" + Guid.NewGuid().ToString("N")[..12] };
        configure?.Invoke(options);
        var budget = new RedisBudget(await RedisConnection.ConnectAsync(redis.ConnectionString), new BudgetSettings(options));
        await budget.ConfigureAsync(agents, fleet ?? FleetBudget.Default);
        return budget;
    }

    /// <summary>A second replica of <paramref name="first"/>'s fleet: its own connection and caches, the same keys.</summary>
    public static async Task<RedisBudget> JoinAsync(RedisServerFixture redis, RedisBudget first)
    {
        var budget = new RedisBudget(await RedisConnection.ConnectAsync(redis.ConnectionString), new BudgetSettings(first.Settings.Options));
        budget.Directory.Publish(first.Directory.Current);
        return budget;
    }

    public async Task ConfigureAsync(IEnumerable<Agent> agents, FleetBudget fleet)
    {
        var snapshot = new RegistrySnapshot(++_version, fleet, TestAgents.Index(agents));
        Directory.Publish(snapshot);
        await Mirror.ApplyAsync(snapshot, null);
    }

    /// <summary>Moves the fleet's clock (Redis TIME + offset) forward, as a test stand-in for waiting.</summary>
    public async Task AdvanceClockAsync(TimeSpan by)
    {
        var current = await Redis.HashGetAsync(Keys.Config, "clk");
        var offset = (current.IsNull ? 0 : (long)current) + (long)by.TotalMilliseconds;
        await Redis.HashSetAsync(Keys.Config, "clk", offset);
    }

    public Task<ReserveResult> ReserveAsync(string agentId, long input, long maxOutput, string? key = null, ModelPrice? price = null,
        TimeSpan? ttl = null, Tier tierOverride = Tier.Unspecified) =>
        Accountant.ReserveAsync(new ReserveCommand
        {
            AgentId = agentId,
            IdempotencyKey = key ?? Guid.NewGuid().ToString("N"),
            EstimatedInputTokens = input,
            MaxOutputTokens = maxOutput,
            Price = price,
            Ttl = ttl,
            TierOverride = tierOverride,
            Model = "test-model",
        }).AsTask();

    public Task<CommitResult> CommitAsync(string reservationId, long input, long output, long? cost = null) =>
        Accountant.CommitAsync(new CommitCommand { ReservationId = reservationId, InputTokens = input, OutputTokens = output, CostMicros = cost })
            .AsTask();

    public Task<ReleaseResult> ReleaseAsync(string reservationId) =>
        Accountant.ReleaseAsync(new ReleaseCommand { ReservationId = reservationId, Reason = 1 }).AsTask();

    /// <summary>The ledger stream as written by the scripts, oldest first.</summary>
    public Task<IReadOnlyList<StreamEntry>> LedgerAsync() => ReadWholeStreamAsync(Keys.Ledger);

    public Task<IReadOnlyList<StreamEntry>> EventsAsync() => ReadWholeStreamAsync(Keys.Events);

    /// <summary>
    /// Pages through a stream: one XRANGE over a torture test's whole ledger is a reply of tens of
    /// megabytes, which a loaded CI box may not deliver within one command's timeout.
    /// </summary>
    private async Task<IReadOnlyList<StreamEntry>> ReadWholeStreamAsync(RedisKey key)
    {
        const int PageSize = 2_000;
        var entries = new List<StreamEntry>();
        RedisValue? after = null;
        while (true)
        {
            var page = after is { } last
                ? await Redis.StreamRangeAsync(key, minId: "(" + last.ToString(), count: PageSize)
                : await Redis.StreamRangeAsync(key, count: PageSize);
            entries.AddRange(page);
            if (page.Length < PageSize)
                return entries;
            after = page[^1].Id;
        }
    }

    /// <summary>One counter of the agent's current hour window ("tu", "tr", "l", "b", "dn", ...).</summary>
    public async Task<long> HourCounterAsync(string agentId, string field)
    {
        var (hour, day) = await WindowsAsync();
        return await CounterAsync(day, PackedWindow.HourField(agentId, hour), field);
    }

    public async Task<long> DayCounterAsync(string agentId, string field)
    {
        var (_, day) = await WindowsAsync();
        return await CounterAsync(day, agentId, field);
    }

    private async Task<long> CounterAsync(long day, string window, string field) =>
        PackedWindow.Parse(await Redis.HashGetAsync(Keys.Day(day), window))[PackedWindow.IndexOf(field)];

    public async Task<(long Hour, long Day)> WindowsAsync()
    {
        var now = (long)await Redis.ScriptEvaluateAsync(BudgetScripts.Clock, [Keys.Config]);
        return (BudgetWindows.HourIndex(now), BudgetWindows.DayIndex(now));
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
