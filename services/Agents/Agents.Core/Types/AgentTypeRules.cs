using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Platform.Agents.Domain;
using Platform.Agents.V1;

namespace Platform.Agents.Types;

/// <summary>What a valid agent type is, the defaults it gets, and its content-derived etag.</summary>
public static partial class AgentTypeRules
{
    public const int MaxSystemPromptBytes = 32 * 1024;
    public const int MaxMarkers = 16;
    public const int MaxMarkerLength = 64;
    public const int MaxLoopDetectionRepeats = 100;

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,62}$")]
    private static partial Regex NamePattern();

    public static void ValidateName(string name, string field = "name")
    {
        if (name.Length == 0)
            throw AgentsException.Invalid(field, $"{field} is required.");
        if (!NamePattern().IsMatch(name))
            throw AgentsException.Invalid(field, $"{field} '{name}' must be 1-63 characters of [a-z0-9_-] starting with a letter.");
    }

    /// <summary>Checks a type sent to RegisterAgentType (before defaults are applied).</summary>
    public static void Validate(AgentType? type)
    {
        if (type is null)
            throw AgentsException.Invalid("agent_type", "agent_type is required.");
        ValidateName(type.Name, "agent_type.name");
        if (string.IsNullOrWhiteSpace(type.SystemPrompt))
            throw AgentsException.Invalid("agent_type.system_prompt", "agent_type.system_prompt is required for custom types.");
        if (System.Text.Encoding.UTF8.GetByteCount(type.SystemPrompt) > MaxSystemPromptBytes)
            throw AgentsException.Invalid("agent_type.system_prompt", $"agent_type.system_prompt is larger than {MaxSystemPromptBytes} bytes.");
        if (type.DisplayName.Length > 256)
            throw AgentsException.Invalid("agent_type.display_name", "agent_type.display_name is longer than 256 characters.");
        if (type.Description.Length > 4096)
            throw AgentsException.Invalid("agent_type.description", "agent_type.description is longer than 4096 characters.");
        if (type.MaxIterations is < 0 or > AgentTypeDefaults.MaxIterationsLimit)
            throw AgentsException.Invalid("agent_type.max_iterations", $"agent_type.max_iterations must be 0-{AgentTypeDefaults.MaxIterationsLimit} (got {type.MaxIterations}).");
        ValidateWindow(type.MemoryWindowTokens, "agent_type.memory_window_tokens");
        if (type.LoopDetectionRepeats is < -1 or 1 or > MaxLoopDetectionRepeats)
            throw AgentsException.Invalid("agent_type.loop_detection_repeats",
                $"agent_type.loop_detection_repeats must be -1 (off), 0 (default) or 2-{MaxLoopDetectionRepeats} (got {type.LoopDetectionRepeats}).");
        if (type.CompletionMarkers.Count > MaxMarkers)
            throw AgentsException.Invalid("agent_type.completion_markers", $"agent_type.completion_markers has more than {MaxMarkers} entries.");
        foreach (var marker in type.CompletionMarkers)
        {
            if (string.IsNullOrWhiteSpace(marker) || marker.Length > MaxMarkerLength)
                throw AgentsException.Invalid("agent_type.completion_markers", $"every completion marker must be 1-{MaxMarkerLength} non-blank characters.");
        }
        ModelPolicyRules.Validate(type.DefaultModelPolicy, "agent_type.default_model_policy");
    }

    public static void ValidateWindow(long tokens, string field)
    {
        if (tokens == 0)
            return;
        if (tokens < AgentTypeDefaults.MinMemoryWindowTokens || tokens > AgentTypeDefaults.MaxMemoryWindowTokens)
            throw AgentsException.Invalid(field,
                $"{field} must be 0 (default) or {AgentTypeDefaults.MinMemoryWindowTokens}-{AgentTypeDefaults.MaxMemoryWindowTokens} (got {tokens}).");
    }

    /// <summary>A copy with defaults filled in and output-only fields cleared (the builtin flag is kept).</summary>
    public static AgentType Normalize(AgentType type)
    {
        var normal = type.Clone();
        normal.CreateTime = null;
        normal.UpdateTime = null;
        normal.Etag = "";
        normal.DefaultModelPolicy ??= new ModelPolicy();
        if (normal.MaxIterations == 0)
            normal.MaxIterations = AgentTypeDefaults.MaxIterations;
        if (normal.MemoryWindowTokens == 0)
            normal.MemoryWindowTokens = AgentTypeDefaults.MemoryWindowTokens;
        if (normal.LoopDetectionRepeats == 0)
            normal.LoopDetectionRepeats = AgentTypeDefaults.LoopDetectionRepeats;
        if (normal.CompletionMarkers.Count == 0)
            normal.CompletionMarkers.Add(AgentTypeDefaults.CompletionMarkers);
        if (normal.DisplayName.Length == 0)
            normal.DisplayName = normal.Name;
        return normal;
    }

    /// <summary>Opaque version of a normalized definition: the same definition always has the same etag.</summary>
    public static string Etag(AgentType normalized)
    {
        var definition = normalized.Clone();
        definition.CreateTime = null;
        definition.UpdateTime = null;
        definition.Etag = "";
        return Convert.ToHexStringLower(SHA256.HashData(definition.ToByteArray()))[..16];
    }

    /// <summary>True when two normalized definitions are the same (output-only fields aside).</summary>
    public static bool SameDefinition(AgentType a, AgentType b) => Etag(a) == Etag(b);
}
