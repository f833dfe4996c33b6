using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Testing;
using Prometheus.Tests.Validation;

namespace Prometheus.Tests;

/// <summary>A real Kestrel app on a loopback port, scraped over HTTP like Prometheus would.</summary>
public sealed class ScrapingEndpointTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort.Next()}");
        builder.Services.AddPrometheusExporter();

        _app = builder.Build();
        _app.MapGet("/hello", () => "hi");
        _app.MapPrometheusScrapingEndpoint("/metrics");
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Metrics_are_served_as_text_0_0_4()
    {
        using var response = await _client.GetAsync("/metrics");

        response.EnsureSuccessStatusCode();
        Assert.Equal(MediaTypeHeaderValue.Parse("text/plain; version=0.0.4; charset=utf-8"), response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task The_whole_process_is_exported_and_both_parsers_accept_it()
    {
        // Everything in this test process: the runtime's meters, ASP.NET Core's and Kestrel's,
        // and whatever other tests are recording at the same moment.
        (await _client.GetAsync("/hello")).EnsureSuccessStatusCode();
        var text = await _client.GetStringAsync("/metrics");

        var exposition = await ExpositionAssert.IsValidAsync(text);

        Assert.True(exposition.HasFamily("dotnet_gc_collections_total"), "System.Runtime meter missing");
        var requests = exposition.Family("http_server_request_duration_seconds");
        Assert.Equal("histogram", requests.Type);
        Assert.Contains(requests.Samples, s => s.Name.EndsWith("_count") && s.Labels.Contains(("http_route", "/hello")));
    }
}
