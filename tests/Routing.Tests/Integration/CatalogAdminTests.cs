using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Common.V1;
using Platform.Routing.Tests.Infrastructure;
using Platform.Routing.V1;

namespace Platform.Routing.Tests.Integration;

/// <summary>The admin RPCs edit the catalog in PostgreSQL; every replica sees the change within seconds; stored models override configured ones.</summary>
[Collection(PlatformFixture.Collection)]
public sealed class CatalogAdminTests(PlatformFixture platform) : IAsyncLifetime
{
    private readonly string _scope = Guid.NewGuid().ToString("N")[..8];
    private RoutingReplica _first = null!;
    private RoutingReplica _second = null!;

    private string Configured => $"adm-configured-{_scope}";

    public async Task InitializeAsync()
    {
        var settings = platform.RoutingSettings(_scope);
        settings.AddModel(Configured, inputPrice: 1_000_000);
        settings["Routing:CatalogRefreshInterval"] = "00:00:00.500";
        _first = await RoutingReplica.StartAsync(settings);
        _second = await RoutingReplica.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    private Model NewModel(string name) => new()
    {
        Name = name,
        Provider = "sim",
        BaseUrl = platform.Simulator.BaseUrl + "/v1",
        Price = new ModelPrice { InputMicrosPerMtok = 500_000, OutputMicrosPerMtok = 700_000 },
        ContextWindowTokens = 64_000,
        Capabilities = { Capability.Chat, Capability.Streaming },
        QualityClass = QualityClass.Economy,
        Enabled = true,
        Tags = { "admin-test" },
        RequestTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(20)),
    };

    [Fact]
    public async Task Upsert_creates_replaces_and_is_idempotent_and_other_replicas_see_it()
    {
        var name = $"adm-new-{_scope}";
        var created = await _first.Client.UpsertModelAsync(new UpsertModelRequest { Model = NewModel(name) }, deadline: Calls.Deadline());
        Assert.True(created.Created);
        Assert.NotEmpty(created.Model.Etag);
        Assert.NotNull(created.Model.CreateTime);

        var again = await _first.Client.UpsertModelAsync(new UpsertModelRequest { Model = NewModel(name) }, deadline: Calls.Deadline());
        Assert.False(again.Created);
        Assert.Equal(created.Model.Etag, again.Model.Etag);

        var changed = NewModel(name);
        changed.RpmLimit = 42;
        var replaced = await _first.Client.UpsertModelAsync(new UpsertModelRequest { Model = changed }, deadline: Calls.Deadline());
        Assert.False(replaced.Created);
        Assert.NotEqual(created.Model.Etag, replaced.Model.Etag);

        var seen = await EventuallyAsync(async () => (await _second.Client.GetModelAsync(new GetModelRequest { Name = name }, deadline: Calls.Deadline())).Model,
            m => m.RpmLimit == 42);
        Assert.Equal(500_000, seen.Price.InputMicrosPerMtok);

        var agent = Calls.Id("adm-agent");
        await platform.Budget.RegisterAgentAsync(agent, Tier.High, hourlyTokenLimit: 100_000);
        var response = await _second.Client.CompleteAsync(Calls.Complete(agent, name), deadline: Calls.Deadline());
        Assert.Equal(name, response.Model);
    }

    [Fact]
    public async Task A_stale_etag_is_ABORTED()
    {
        var name = $"adm-etag-{_scope}";
        var created = await _first.Client.UpsertModelAsync(new UpsertModelRequest { Model = NewModel(name) }, deadline: Calls.Deadline());
        var first = NewModel(name);
        first.Weight = 5;
        first.Etag = created.Model.Etag;
        await _first.Client.UpsertModelAsync(new UpsertModelRequest { Model = first }, deadline: Calls.Deadline());

        var stale = NewModel(name);
        stale.Weight = 7;
        stale.Etag = created.Model.Etag;
        await RpcAssert.FailsAsync(StatusCode.Aborted, null, () => _second.Client.UpsertModelAsync(new UpsertModelRequest { Model = stale }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Aborted, null,
            () => _second.Client.DeleteModelAsync(new DeleteModelRequest { Name = name, Etag = created.Model.Etag }, deadline: Calls.Deadline()).ResponseAsync);
    }

    [Fact]
    public async Task Deleting_a_configured_model_hides_it_everywhere_and_a_missing_one_is_NOT_FOUND()
    {
        await _first.Client.DeleteModelAsync(new DeleteModelRequest { Name = Configured }, deadline: Calls.Deadline());
        await EventuallyAsync(async () =>
        {
            var list = await _second.Client.ListModelsAsync(new ListModelsRequest(), deadline: Calls.Deadline());
            return list.Models.Select(m => m.Name).ToList();
        }, names => !names.Contains(Configured));
        await RpcAssert.FailsAsync(StatusCode.NotFound, "MODEL_NOT_FOUND",
            () => _second.Client.GetModelAsync(new GetModelRequest { Name = Configured }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, null,
            () => _first.Client.DeleteModelAsync(new DeleteModelRequest { Name = Configured }, deadline: Calls.Deadline()).ResponseAsync);
        await _first.Client.DeleteModelAsync(new DeleteModelRequest { Name = Configured, AllowMissing = true }, deadline: Calls.Deadline());
    }

    [Fact]
    public async Task Invalid_models_are_INVALID_ARGUMENT()
    {
        var noProvider = NewModel($"adm-bad-{_scope}");
        noProvider.Provider = "";
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, null, () => _first.Client.UpsertModelAsync(new UpsertModelRequest { Model = noProvider }, deadline: Calls.Deadline()).ResponseAsync);
        var noWindow = NewModel($"adm-bad-{_scope}");
        noWindow.ContextWindowTokens = 0;
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, null, () => _first.Client.UpsertModelAsync(new UpsertModelRequest { Model = noWindow }, deadline: Calls.Deadline()).ResponseAsync);
        var badUrl = NewModel($"adm-bad-{_scope}");
        badUrl.BaseUrl = "ftp://example";
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, null, () => _first.Client.UpsertModelAsync(new UpsertModelRequest { Model = badUrl }, deadline: Calls.Deadline()).ResponseAsync);
    }

    [Fact]
    public async Task ListModels_pages_in_name_order_and_filters()
    {
        for (var i = 0; i < 5; i++)
            await _first.Client.UpsertModelAsync(new UpsertModelRequest { Model = NewModel($"adm-page-{_scope}-{i}") }, deadline: Calls.Deadline());

        var names = new List<string>();
        var token = "";
        do
        {
            var page = await _first.Client.ListModelsAsync(new ListModelsRequest { PageSize = 2, PageToken = token, Tag = "admin-test" }, deadline: Calls.Deadline());
            Assert.True(page.Models.Count <= 2);
            names.AddRange(page.Models.Select(m => m.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        var mine = names.Where(n => n.StartsWith($"adm-page-{_scope}", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, mine.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, null,
            () => _first.Client.ListModelsAsync(new ListModelsRequest { PageToken = "garbage!" }, deadline: Calls.Deadline()).ResponseAsync);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                var value = await read();
                if (condition(value))
                    return value;
            }
            catch (RpcException) when (DateTime.UtcNow < deadline)
            {
            }
            Assert.True(DateTime.UtcNow < deadline, "the change did not reach the other replica within 30 s");
            await Task.Delay(100);
        }
    }
}
