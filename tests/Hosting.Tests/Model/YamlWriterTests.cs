using Platform.Hosting.Publishing.Kubernetes;

namespace Platform.Hosting.Tests.Model;

public sealed class YamlWriterTests
{
    [Theory]
    [InlineData("budget", "budget")]
    [InlineData("http://budget:8081", "http://budget:8081")]
    [InlineData("8080", "\"8080\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("Null", "\"Null\"")]
    [InlineData("http://*:8080", "\"http://*:8080\"")]
    [InlineData("-c", "\"-c\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("key:", "\"key:\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("", "\"\"")]
    public void Strings_are_plain_only_when_nothing_else_could_read_them(string value, string expected)
    {
        Assert.Equal($"k: {expected}\n", YamlWriter.Write(new YamlMap { ["k"] = value }));
    }

    [Fact]
    public void Nested_maps_lists_and_multiline_text()
    {
        var yaml = YamlWriter.Write(new YamlMap
        {
            ["a"] = new YamlMap { ["b"] = 1, ["skipped"] = null, ["c"] = true },
            ["list"] = new object[] { new YamlMap { ["name"] = "x", ["port"] = 80 }, "plain" },
            ["empty"] = new YamlMap(),
            ["none"] = Array.Empty<object>(),
            ["script"] = "line 1\nline 2\n",
        });

        Assert.Equal(
            "a:\n  b: 1\n  c: true\nlist:\n  - name: x\n    port: 80\n  - plain\nempty: {}\nnone: []\nscript: |\n  line 1\n  line 2\n",
            yaml);
    }
}
