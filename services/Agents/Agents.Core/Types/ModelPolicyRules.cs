using Platform.Agents.Domain;
using Platform.Agents.V1;
using Platform.Routing.V1;

namespace Platform.Agents.Types;

/// <summary>Validation and merging of <see cref="ModelPolicy"/> (task fields win over the type's).</summary>
public static class ModelPolicyRules
{
    public const int MaxTokensPerStepLimit = 200_000;

    public static void Validate(ModelPolicy? policy, string field)
    {
        if (policy is null)
            return;
        if (policy.Temperature is { } t && (double.IsNaN(t) || t < 0 || t > 2))
            throw AgentsException.Invalid($"{field}.temperature", $"{field}.temperature must be between 0 and 2 (got {t}).");
        if (policy.MaxTokensPerStep is { } max && (max <= 0 || max > MaxTokensPerStepLimit))
            throw AgentsException.Invalid($"{field}.max_tokens_per_step", $"{field}.max_tokens_per_step must be 1-{MaxTokensPerStepLimit} (got {max}).");
        if (policy.Hints?.MaxCostMicros is < 0)
            throw AgentsException.Invalid($"{field}.hints.max_cost_micros", $"{field}.hints.max_cost_micros must not be negative.");
        if (policy.Model.Length > 256)
            throw AgentsException.Invalid($"{field}.model", $"{field}.model is longer than 256 characters.");
    }

    /// <summary>The type's policy with every field the task sets overriding it.</summary>
    public static ModelPolicy Merge(ModelPolicy? typePolicy, ModelPolicy? taskPolicy)
    {
        var merged = typePolicy?.Clone() ?? new ModelPolicy();
        if (taskPolicy is null)
            return merged;
        if (taskPolicy.Model.Length > 0)
            merged.Model = taskPolicy.Model;
        if (taskPolicy.Temperature is { } t)
            merged.Temperature = t;
        if (taskPolicy.MaxTokensPerStep is { } max)
            merged.MaxTokensPerStep = max;
        if (taskPolicy.Hints is { } hints)
            merged.Hints = MergeHints(merged.Hints, hints);
        return merged;
    }

    private static RoutingHints MergeHints(RoutingHints? baseHints, RoutingHints task)
    {
        var merged = baseHints?.Clone() ?? new RoutingHints();
        if (task.Strategy != Strategy.Unspecified)
            merged.Strategy = task.Strategy;
        if (task.TaskType != TaskType.Unspecified)
            merged.TaskType = task.TaskType;
        if (task.LatencySensitivity != LatencySensitivity.Unspecified)
            merged.LatencySensitivity = task.LatencySensitivity;
        if (task.UserTier != UserTier.Unspecified)
            merged.UserTier = task.UserTier;
        if (task.MaxCostMicros is { } cost)
            merged.MaxCostMicros = cost;
        if (task.DisableFallback)
            merged.DisableFallback = true;
        if (task.Complexity != Complexity.Unspecified)
            merged.Complexity = task.Complexity;
        Replace(merged.FallbackModels, task.FallbackModels);
        Replace(merged.AllowedModels, task.AllowedModels);
        Replace(merged.ExcludedModels, task.ExcludedModels);
        Replace(merged.RequiredCapabilities, task.RequiredCapabilities);
        Replace(merged.RequiredTags, task.RequiredTags);
        return merged;
    }

    private static void Replace<T>(Google.Protobuf.Collections.RepeatedField<T> target, Google.Protobuf.Collections.RepeatedField<T> source)
    {
        if (source.Count == 0)
            return;
        target.Clear();
        target.Add(source);
    }
}
