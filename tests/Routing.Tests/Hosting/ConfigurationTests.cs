using Microsoft.Extensions.Configuration;
using Platform.Routing.Catalog;
using Platform.Routing.Hosting;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Tests.Hosting;

/// <summary>The Routing section binds as the README documents it, including the shipped example catalog.</summary>
public sealed class ConfigurationTests
{
    private static RoutingOptions Bind(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(RoutingOptions.Section).Get<RoutingOptions>()!;

    [Fact]
    public void Models_chains_tier_policies_and_durations_bind()
    {
        var options = Bind(new()
        {
            ["Routing:DefaultStrategy"] = "Cost",
            ["Routing:Models:m.1:Provider"] = "p",
            ["Routing:Models:m.1:BaseUrl"] = "{llm-sim}/v1",
            ["Routing:Models:m.1:InputPriceMicrosPerMTok"] = "420000",
            ["Routing:Models:m.1:Capabilities:0"] = "json_mode",
            ["Routing:Models:m.1:Capabilities:1"] = "CAPABILITY_CODE",
            ["Routing:Models:m.1:QualityClass"] = "economy",
            ["Routing:Models:m.1:RequestTimeout"] = "00:00:05",
            ["Routing:FallbackChains:m.1:0"] = "m.2",
            ["Routing:TierPolicies:High:MaxRetries"] = "2",
            ["Routing:Breaker:Cooldown"] = "00:00:03",
        });

        Assert.Equal(Strategy.Cost, options.DefaultStrategy);
        Assert.Equal(["m.2"], options.FallbackChains["m.1"]);
        Assert.Equal(2, options.TierPolicies[Tier.High].MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Breaker.Cooldown);

        var model = Assert.Single(ModelConfigurationReader.Read(options.Models, service => service == "llm-sim" ? "http://127.0.0.1:5199/" : null));
        Assert.Equal("http://127.0.0.1:5199/v1", model.BaseUrl);
        Assert.Equal(420_000, model.InputMicrosPerMTok);
        Assert.Equal([Capability.Chat, Capability.JsonMode, Capability.Code], model.Capabilities);
        Assert.Equal(QualityClass.Economy, model.QualityClass);
        Assert.Equal(TimeSpan.FromSeconds(5), model.RequestTimeout);
        Assert.StartsWith("c", model.Etag);
    }

    [Fact]
    public void The_shipped_example_catalog_is_valid_and_has_the_products_prices()
    {
        var appsettings = Path.Combine(Platform.Testing.RepositoryPaths.Root, "services", "Routing", "appsettings.json");
        var options = new ConfigurationBuilder().AddJsonFile(appsettings).Build().GetSection(RoutingOptions.Section).Get<RoutingOptions>()!;
        var models = ModelConfigurationReader.Read(options.Models, _ => "http://127.0.0.1:5199").ToDictionary(m => m.Name);

        Assert.Equal(420_000, models["deepseek-v3.2"].InputMicrosPerMTok);
        Assert.Equal(2_700_000, models["deepseek-v3.2"].OutputMicrosPerMTok);
        Assert.Equal(2_500_000, models["gemini-2.5-flash"].InputMicrosPerMTok);
        Assert.Equal(8_000_000, models["gpt-4.1"].InputMicrosPerMTok);
        Assert.Equal(15_000_000, models["claude-sonnet-4.5"].InputMicrosPerMTok);
        Assert.Equal(4_000_000, models["gpt-4o-mini"].OutputMicrosPerMTok);
        Assert.Equal(["gemini-2.5-flash", "claude-sonnet-4.5"], options.FallbackChains["deepseek-v3.2"]);
        Assert.All(models.Values, m => Assert.StartsWith("http://127.0.0.1:5199/v1", m.BaseUrl));
    }

    [Fact]
    public void Unknown_capability_names_fail_start_up_naming_the_key()
    {
        var options = Bind(new()
        {
            ["Routing:Models:m:Provider"] = "p",
            ["Routing:Models:m:BaseUrl"] = "http://x:1/v1",
            ["Routing:Models:m:Capabilities:0"] = "telepathy",
        });
        var error = Assert.Throws<InvalidOperationException>(() => ModelConfigurationReader.Read(options.Models, _ => null));
        Assert.Contains("Routing:Models:m:Capabilities", error.Message);
    }
}
