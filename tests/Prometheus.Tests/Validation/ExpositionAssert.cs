namespace Prometheus.Tests.Validation;

/// <summary>Checks a scrape with both our strict validator and the Python client's parser, and that they agree.</summary>
internal static class ExpositionAssert
{
    public static async Task<Exposition> IsValidAsync(string text)
    {
        Exposition ours;
        try
        {
            ours = ExpositionRules.Validate(text);
        }
        catch (FormatException exception)
        {
            throw new Xunit.Sdk.XunitException($"{exception.Message}\n--- exposition ---\n{text}");
        }

        var python = await PythonPrometheusParser.ParseAsync(text);
        var untyped = python.Where(f => f.Type is "untyped" or "unknown").Select(f => f.Name).ToList();
        Assert.True(untyped.Count == 0, $"Python parsed samples outside their family: {string.Join(", ", untyped)}");
        Assert.Equal(ours.Families.Count, python.Count);

        foreach (var (family, parsed) in ours.Families.Zip(python))
        {
            // The Python client names a counter family without its _total suffix.
            var expectedName = family.Type == "counter" ? family.Name[..^"_total".Length] : family.Name;
            Assert.Equal(expectedName, parsed.Name);
            Assert.Equal(family.Type, parsed.Type);
            Assert.Equal(family.Help, parsed.Documentation);
            Assert.Equal(family.Samples.Count, parsed.Samples.Count);
            foreach (var (sample, parsedSample) in family.Samples.Zip(parsed.Samples))
            {
                Assert.Equal(sample.Name, parsedSample.Name);
                Assert.Equal(sample.Labels.OrderBy(l => l.Name).Select(l => $"{l.Name}={l.Value}"),
                    parsedSample.Labels.OrderBy(l => l.Key).Select(l => $"{l.Key}={l.Value}"));
                Assert.Equal(sample.Value, parsedSample.Number);
            }
        }

        return ours;
    }
}
