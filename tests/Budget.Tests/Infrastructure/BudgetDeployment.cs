using Dapper;
using Grpc.Net.Client;
using Npgsql;
using Platform.Budget.Accounting;
using Platform.Budget.Ledger;
using Platform.Budget.V1;
using LedgerEntry = Platform.Budget.Ledger.LedgerEntry;
using Platform.Redis;
using Platform.Testing.Postgres;
using Platform.Testing.Services;

namespace Platform.Budget.Tests.Infrastructure;

/// <summary>
/// Budget service replicas as real processes, configured only by environment variables (as the
/// AppHost does), sharing one Redis (their own fleet id = their own keys) and one PostgreSQL database.
/// </summary>
public sealed class BudgetDeployment : IAsyncDisposable
{
    private readonly List<ServiceProcess> _replicas = [];
    private readonly List<GrpcChannel> _channels = [];
    private readonly Dictionary<string, string?> _environment;

    private BudgetDeployment(string fleetId, string redisConnectionString, string databaseConnectionString, RedisConnection redis,
        Dictionary<string, string?> environment)
    {
        FleetId = fleetId;
        RedisConnectionString = redisConnectionString;
        DatabaseConnectionString = databaseConnectionString;
        Redis = redis;
        _environment = environment;
        Keys = new BudgetKeys(fleetId);
    }

    public string FleetId { get; }

    public string RedisConnectionString { get; }

    public string DatabaseConnectionString { get; }

    public RedisConnection Redis { get; }

    public BudgetKeys Keys { get; }

    public IReadOnlyList<ServiceProcess> Replicas => _replicas;

    /// <summary>Starts <paramref name="replicas"/> processes; <paramref name="database"/> defaults to a fresh database on the shared server.</summary>
    public static async Task<BudgetDeployment> StartAsync(string redisConnectionString, int replicas = 1, string? database = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var fleetId = "t" + Guid.NewGuid().ToString("N")[..12];
        database ??= await (await SharedPostgresServer.GetAsync()).CreateDatabaseAsync("budget");
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__cache"] = redisConnectionString,
            ["ConnectionStrings__platformdb"] = database,
            ["Budget__FleetId"] = fleetId,
            ["Budget__SweepInterval"] = "00:00:00.250",
            ["Budget__RefreshInterval"] = "00:00:00.500",
            ["Budget__Ledger__ClaimIdleTime"] = "00:00:05",
            ["Budget__Ledger__MaxRetryDelay"] = "00:00:02",
            ["Budget__Reallocation__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        var deployment = new BudgetDeployment(fleetId, redisConnectionString, database, await RedisConnection.ConnectAsync(redisConnectionString),
            environment);
        try
        {
            for (var i = 0; i < replicas; i++)
            {
                await deployment.AddReplicaAsync();
            }
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }

        return deployment;
    }

    public async Task<ServiceProcess> AddReplicaAsync()
    {
        var replica = ServiceProcess.Start("Budget", _environment);
        _replicas.Add(replica);
        _channels.Add(GrpcChannel.ForAddress(replica.GrpcEndpoint));
        await replica.WaitUntilHealthyAsync(timeout: TimeSpan.FromSeconds(120));
        return replica;
    }

    public BudgetService.BudgetServiceClient Client(int replica = 0) => new(_channels[replica]);

    public IRedisDatabase Database => Redis.GetDatabase();

    /// <summary>Every ledger entry that reached PostgreSQL, in decision order.</summary>
    public async Task<List<LedgerEntry>> PostgresLedgerAsync()
    {
        var entries = new List<LedgerEntry>();
        await using var dataSource = NpgsqlDataSource.Create(DatabaseConnectionString);
        var reader = new LedgerReader(dataSource);
        string? token = null;
        do
        {
            var page = await reader.ListAsync(new LedgerQuery(string.Empty, string.Empty, [], null, null, string.Empty, 1000, token));
            entries.AddRange(page.Entries);
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));

        entries.Reverse();
        return entries;
    }

    /// <summary>How many entries the scripts ever appended to the ledger stream (XINFO STREAM entries-added).</summary>
    public async Task<long> LedgerEntriesAddedAsync()
    {
        var info = (await Database.ExecuteAsync("XINFO", ["STREAM", Keys.Ledger.ToString()], CancellationToken.None)).ToArray();
        for (var i = 0; i + 1 < info.Length; i += 2)
        {
            if ((string?)info[i] == "entries-added")
            {
                return (long)info[i + 1];
            }
        }

        throw new InvalidOperationException("XINFO STREAM has no entries-added (Redis 7 or later needed).");
    }

    public async Task<long> PostgresLedgerCountAsync()
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM budget.ledger_entries");
    }

    /// <summary>Waits (generously) until every entry appended to the stream is in PostgreSQL.</summary>
    public async Task WaitForLedgerAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        long added = 0, stored = 0;
        while (DateTime.UtcNow < deadline)
        {
            added = await LedgerEntriesAddedAsync();
            stored = await PostgresLedgerCountAsync();
            if (stored == added)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The ledger did not drain: {added} entries appended in Redis, {stored} in PostgreSQL.");
    }

    /// <summary>Moves the fleet's clock forward (shared by every replica through Redis).</summary>
    public async Task AdvanceClockAsync(TimeSpan by)
    {
        var current = await Database.HashGetAsync(Keys.Config, "clk");
        await Database.HashSetAsync(Keys.Config, "clk", (current.IsNull ? 0 : (long)current) + (long)by.TotalMilliseconds);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}
