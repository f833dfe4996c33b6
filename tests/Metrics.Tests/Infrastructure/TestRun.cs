namespace Platform.Metrics.Tests.Infrastructure;

/// <summary>Per-test names (stream keys, event id prefix) so tests sharing one Redis never meet.</summary>
public sealed record TestRun(string Id)
{
    public string Prefix => $"t{Id}";

    public string Stream => $"test:{Id}:calls";

    public string DeadLetter => $"test:{Id}:calls:dead";

    public string BudgetStream => $"test:{Id}:budget";

    /// <summary>Ingestion settings with short timings, so recovery paths run within a test.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Metrics:Ingestion:CallStream"] = Stream,
            ["Metrics:Ingestion:DeadLetterStream"] = DeadLetter,
            ["Metrics:Ingestion:BudgetStream"] = BudgetStream,
            ["Metrics:Ingestion:ClaimMinIdle"] = "00:00:02",
            ["Metrics:Ingestion:ClaimInterval"] = "00:00:01",
            ["Metrics:Ingestion:MaintenanceInterval"] = "00:00:01",
            ["Metrics:Ingestion:ReadBlock"] = "00:00:00.500",
        };
        foreach (var (key, value) in overrides)
            settings[key] = value;
        return settings;
    }
}
