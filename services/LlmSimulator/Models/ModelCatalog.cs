using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using Platform.LlmSimulator.Configuration;
using Platform.LlmSimulator.Faults;

namespace Platform.LlmSimulator.Models;

/// <summary>The models the simulator serves: those configured, plus any name accepted on the fly.</summary>
public sealed class ModelCatalog
{
    private readonly ConcurrentDictionary<string, ModelState> _models = new(StringComparer.Ordinal);
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _clock;
    private int _dynamicCount;

    public ModelCatalog(IOptions<SimulatorOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        if (_options.LatencyScale < 0 || double.IsNaN(_options.LatencyScale))
        {
            throw new ArgumentException("Simulator:LatencyScale must not be negative.");
        }
        // Resolving the defaults once up front makes a broken Defaults section fail at start-up.
        DefaultsProfile("(defaults)");
        foreach (var (name, own) in _options.Models)
        {
            _models[name] = Create(name, own, isConfigured: true);
        }
    }

    public bool AcceptAnyModel => _options.AcceptAnyModel;

    public double LatencyScale => _options.LatencyScale;

    public string? GlobalApiKey => _options.ApiKey;

    public ICollection<ModelState> All => _models.Values;

    /// <summary>Finds a model, creating it from the defaults when any model name is accepted.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out ModelState? model)
    {
        if (_models.TryGetValue(name, out model))
        {
            return true;
        }
        if (!_options.AcceptAnyModel || string.IsNullOrWhiteSpace(name) || Volatile.Read(ref _dynamicCount) >= _options.MaxDynamicModels)
        {
            return false;
        }
        model = _models.GetOrAdd(name, static (key, catalog) =>
        {
            Interlocked.Increment(ref catalog._dynamicCount);
            return catalog.Create(key, null, isConfigured: false);
        }, this);
        return true;
    }

    private ModelProfile DefaultsProfile(string name) => ModelProfile.Resolve(name, null, _options.Defaults, _options.ApiKey);

    private ModelState Create(string name, ModelOptions? own, bool isConfigured)
    {
        var profile = ModelProfile.Resolve(name, own, _options.Defaults, _options.ApiKey);
        var faults = FaultShares.Create(own?.Faults ?? _options.Defaults.Faults, name);
        return new ModelState(profile, faults, isConfigured, _clock);
    }
}
