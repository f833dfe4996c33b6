namespace Platform.Agents.Tests.Infrastructure;

/// <summary>The routing catalog of the tests: models served by llm-sim, each with its own latency there.</summary>
public static class TestModels
{
    /// <summary>Answers at once.</summary>
    public const string Fast = "agents-fast";

    /// <summary>Answers in 200 ms (the scale tests' provider).</summary>
    public const string Ms200 = "agents-200";

    /// <summary>Answers after 60 s: a step on it is in flight long enough to be cancelled or cut by a deadline.</summary>
    public const string Slow = "agents-slow";

    public static readonly (string Name, int LatencyMs)[] All = [(Fast, 0), (Ms200, 200), (Slow, 60_000)];

    /// <summary>$1 per million input tokens, $2 per million output tokens.</summary>
    public const long InputPrice = 1_000_000;
    public const long OutputPrice = 2_000_000;

    public static void AddTo(Dictionary<string, string?> environment)
    {
        foreach (var (name, _) in All)
        {
            var prefix = $"Routing__Models__{name}__";
            environment[prefix + "DisplayName"] = name;
            environment[prefix + "Provider"] = "sim";
            environment[prefix + "BaseUrl"] = "{llm-sim}/v1";
            environment[prefix + "InputPriceMicrosPerMTok"] = InputPrice.ToString();
            environment[prefix + "OutputPriceMicrosPerMTok"] = OutputPrice.ToString();
            environment[prefix + "QualityClass"] = "balanced";
            environment[prefix + "ContextWindowTokens"] = "128000";
            environment[prefix + "MaxOutputTokens"] = "8192";
            environment[prefix + "RpmLimit"] = "0";
            environment[prefix + "TpmLimit"] = "0";
            environment[prefix + "MaxConcurrency"] = "0";
            environment[prefix + "RequestTimeout"] = "00:02:00";
            environment[prefix + "Capabilities__0"] = "streaming";
            environment[prefix + "Enabled"] = "true";
        }
    }
}
