using Microsoft.Extensions.Configuration;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Local;

namespace Platform.Hosting.Tests.Model;

public sealed class ParameterValuesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hosting-parameters-").FullName;

    private string Store => Path.Combine(_directory, "parameters.json");

    [Fact]
    public void Generated_values_are_persisted_privately_and_reused()
    {
        var password = new ParameterResource("db-password", new GenerateParameterDefault { MinLength = 30, Special = false }, secret: true, persist: true);

        var first = ParameterValues.Resolve([password], Empty(), Store)[password];
        var second = ParameterValues.Resolve([password], Empty(), Store)[password];

        Assert.Equal(30, first.Length);
        Assert.Matches("^[A-Za-z0-9]+$", first);
        Assert.Equal(first, second);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Store));
    }

    [Fact]
    public void Configuration_wins_over_the_store_and_constant_defaults_are_not_persisted()
    {
        var key = new ParameterResource("api-key", new ConstantParameterDefault(""), secret: true, persist: false);
        var password = new ParameterResource("pw", new GenerateParameterDefault(), secret: true, persist: true);
        ParameterValues.Resolve([password], Empty(), Store);

        var values = ParameterValues.Resolve([key, password], Config(("Parameters:pw", "from-config")), Store);

        Assert.Equal("", values[key]);
        Assert.Equal("from-config", values[password]);
        Assert.DoesNotContain("api-key", File.ReadAllText(Store));
    }

    [Fact]
    public void A_parameter_without_value_or_default_says_how_to_set_it()
    {
        var required = new ParameterResource("token", null, secret: true, persist: false);

        var failure = Assert.Throws<DistributedApplicationException>(() => ParameterValues.Resolve([required], Empty(), Store));

        Assert.Contains("Parameters__token", failure.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IConfiguration Empty() => Config();

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
