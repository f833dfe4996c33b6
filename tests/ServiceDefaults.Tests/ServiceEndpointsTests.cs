using Microsoft.Extensions.Configuration;
using Platform.ServiceDefaults.Discovery;

namespace ServiceDefaults.Tests;

public sealed class ServiceEndpointsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    [Fact]
    public void Urls_and_bare_host_port_are_both_accepted_and_ordered_by_replica()
    {
        var config = Config(
            ("services:budget:grpc:1", "10.1.2.3:7000"),
            ("services:budget:grpc:0", "http://budget-0:5101"),
            ("services:budget:grpc:2", "https://budget-2.example:443"));

        var endpoints = ServiceEndpoints.Resolve(config, "budget", "grpc");

        Assert.Equal(["http://budget-0:5101/", "http://10.1.2.3:7000/", "https://budget-2.example/"], endpoints.Select(e => e.ToString()));
    }

    [Fact]
    public void Missing_service_names_the_variable_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceEndpoints.Resolve(Config(), "routing", "grpc"));
        Assert.Contains("services__routing__grpc__0", error.Message);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://host:21")]
    [InlineData("justahost")]
    public void Garbage_endpoint_is_rejected_with_the_setting_name(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ServiceEndpoints.Resolve(Config(("services:metrics:grpc:0", value)), "metrics", "grpc"));
        Assert.Contains("services__metrics__grpc__0", error.Message);
    }

    [Fact]
    public void Non_numeric_replica_key_is_rejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ServiceEndpoints.Resolve(Config(("services:metrics:grpc:primary", "host:1")), "metrics", "grpc"));
        Assert.Contains("replica number", error.Message);
    }
}
