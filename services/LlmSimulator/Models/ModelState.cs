using Platform.LlmSimulator.Faults;
using Platform.LlmSimulator.Stats;

namespace Platform.LlmSimulator.Models;

/// <summary>Everything the simulator keeps about one model name: settings, faults and counters.</summary>
public sealed class ModelState(ModelProfile configured, FaultShares faults, bool isConfigured, TimeProvider clock)
{
    private volatile ModelProfile _profile = configured;

    public string Name => ConfiguredProfile.Name;

    /// <summary>True for models from configuration; false for names accepted on the fly.</summary>
    public bool IsConfigured { get; } = isConfigured;

    public long CreatedUnixSeconds { get; } = clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>The profile in force: the configured one, or one changed at run time by the control API.</summary>
    public ModelProfile Profile
    {
        get => _profile;
        set => _profile = value;
    }

    public ModelProfile ConfiguredProfile { get; } = configured;

    public FaultInjector Faults { get; } = new(faults);

    public ModelStats Stats { get; } = new(clock);

    /// <summary>Back to configuration: profile and faults (stats are reset separately).</summary>
    public void Reset()
    {
        _profile = ConfiguredProfile;
        Faults.Reset();
    }
}
