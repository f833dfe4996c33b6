using Platform.LlmSimulator.Configuration;
using Platform.LlmSimulator.Generation;
using Platform.LlmSimulator.Latency;

namespace Platform.LlmSimulator.Models;

/// <summary>One model's effective, validated settings: its own options laid over the defaults.</summary>
public sealed record ModelProfile
{
    public const int DefaultMinCompletionTokens = 20;
    public const int DefaultMaxCompletionTokens = 120;

    public required string Name { get; init; }
    public required string OwnedBy { get; init; }
    public string? ApiKey { get; init; }
    public ResponseMode Response { get; init; }
    public CompletionScript Script { get; init; }
    public int MinCompletionTokens { get; init; }
    public int MaxCompletionTokens { get; init; }
    public required DelayDistribution Latency { get; init; }
    public required DelayDistribution TimeToFirstToken { get; init; }
    public required DelayDistribution PerToken { get; init; }

    public static ModelProfile Resolve(string name, ModelOptions? own, ModelOptions defaults, string? globalApiKey)
    {
        var where = $"Simulator:Models:{name}";
        var min = own?.MinCompletionTokens ?? defaults.MinCompletionTokens ?? DefaultMinCompletionTokens;
        var max = own?.MaxCompletionTokens ?? defaults.MaxCompletionTokens ?? DefaultMaxCompletionTokens;
        if (min < 1 || max < min)
        {
            throw new ArgumentException($"{where}: completion tokens must satisfy 1 <= MinCompletionTokens <= MaxCompletionTokens.");
        }

        var scriptText = own?.Script ?? defaults.Script;
        var script = CompletionScript.None;
        if (scriptText is not null && !CompletionScript.TryParse(scriptText, out script))
        {
            throw new ArgumentException($"{where}: unknown Script '{scriptText}' (none, done-after:N, loop, never-done).");
        }

        return new ModelProfile
        {
            Name = name,
            OwnedBy = own?.OwnedBy ?? defaults.OwnedBy ?? "llm-sim",
            ApiKey = own?.ApiKey ?? defaults.ApiKey ?? globalApiKey,
            Response = ParseResponse(own?.Response ?? defaults.Response, where),
            Script = script,
            MinCompletionTokens = min,
            MaxCompletionTokens = max,
            Latency = DelayDistributionFactory.Create(own?.Latency ?? defaults.Latency, where + ":Latency"),
            TimeToFirstToken = DelayDistributionFactory.Create(own?.TimeToFirstToken ?? defaults.TimeToFirstToken, where + ":TimeToFirstToken"),
            PerToken = DelayDistributionFactory.Create(own?.PerToken ?? defaults.PerToken, where + ":PerToken"),
        };
    }

    private static ResponseMode ParseResponse(string? text, string where) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "answer" => ResponseMode.Answer,
        "echo" => ResponseMode.Echo,
        "lorem" => ResponseMode.Lorem,
        _ => throw new ArgumentException($"{where}: unknown Response '{text}' (answer, echo, lorem)."),
    };
}
