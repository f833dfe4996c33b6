using System.Text.Json.Serialization;
using Platform.LlmSimulator.Configuration;
using Platform.LlmSimulator.Control;
using Platform.LlmSimulator.Stats;

namespace Platform.LlmSimulator.OpenAi;

/// <summary>Source-generated serialisation for every body the simulator reads or writes (snake_case, like OpenAI).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(ChatCompletionRequest))]
[JsonSerializable(typeof(ChatCompletionResponse))]
[JsonSerializable(typeof(ModelList))]
[JsonSerializable(typeof(ModelEntry))]
[JsonSerializable(typeof(OpenAiErrorBody))]
[JsonSerializable(typeof(FaultOptions))]
[JsonSerializable(typeof(FailNextRequest))]
[JsonSerializable(typeof(LatencyChange))]
[JsonSerializable(typeof(ModelDescription))]
[JsonSerializable(typeof(List<ModelDescription>))]
[JsonSerializable(typeof(SimulatorStatsSnapshot))]
[JsonSerializable(typeof(ModelStatsSnapshot))]
[JsonSerializable(typeof(Dictionary<string, int>))]
public sealed partial class SimulatorJsonContext : JsonSerializerContext;
