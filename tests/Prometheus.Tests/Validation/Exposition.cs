namespace Prometheus.Tests.Validation;

/// <summary>A parsed scrape: families in the order they appeared.</summary>
internal sealed record Exposition(IReadOnlyList<ParsedFamily> Families)
{
    public ParsedFamily Family(string name) =>
        Families.SingleOrDefault(f => f.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"No family {name}; have: {string.Join(", ", Families.Select(f => f.Name))}");

    public bool HasFamily(string name) => Families.Any(f => f.Name == name);
}

internal sealed record ParsedFamily(string Name, string Type, string Help, List<ParsedSample> Samples)
{
    public ParsedSample Sample(string name, params (string Name, string Value)[] labels) =>
        Samples.SingleOrDefault(s => s.Name == name && s.Labels.OrderBy(l => l.Name).SequenceEqual(labels.OrderBy(l => l.Name)))
        ?? throw new Xunit.Sdk.XunitException($"No sample {name}{{{string.Join(",", labels)}}} in {Name}");
}

internal sealed record ParsedSample(string Name, IReadOnlyList<(string Name, string Value)> Labels, double Value, int Line)
{
    public string Label(string name) => Labels.Single(l => l.Name == name).Value;

    /// <summary>Name plus sorted labels: what makes a series unique.</summary>
    public string SeriesKey(params string[] ignoredLabels) =>
        Name + "{" + string.Join(",", Labels.Where(l => !ignoredLabels.Contains(l.Name)).OrderBy(l => l.Name, StringComparer.Ordinal)
            .Select(l => $"{l.Name}={l.Value}")) + "}";
}
