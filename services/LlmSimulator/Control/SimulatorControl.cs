using Platform.LlmSimulator.Faults;
using Platform.LlmSimulator.Latency;
using Platform.LlmSimulator.Models;
using Platform.LlmSimulator.Stats;

namespace Platform.LlmSimulator.Control;

/// <summary>The run-time operations behind <c>/control</c>; "*" names every known model.</summary>
public sealed class SimulatorControl(ModelCatalog catalog, RejectionCounters rejections, TimeProvider clock)
{
    public const string AllModels = "*";

    private readonly DateTimeOffset _startedAt = clock.GetUtcNow();

    /// <summary>The models a control call applies to; null when the name is unknown (and cannot be created).</summary>
    public List<ModelState>? Targets(string model)
    {
        if (model == AllModels)
        {
            return [.. catalog.All];
        }
        return catalog.TryGet(model, out var state) ? [state] : null;
    }

    public List<ModelDescription> Describe()
    {
        var models = new List<ModelDescription>();
        foreach (var model in catalog.All)
        {
            models.Add(Describe(model));
        }
        models.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return models;
    }

    public static ModelDescription Describe(ModelState model)
    {
        var profile = model.Profile;
        return new ModelDescription
        {
            Name = model.Name,
            Configured = model.IsConfigured,
            Response = profile.Response.ToString().ToLowerInvariant(),
            Script = profile.Script.ToString(),
            RequiresApiKey = !string.IsNullOrEmpty(profile.ApiKey),
            MinCompletionTokens = profile.MinCompletionTokens,
            MaxCompletionTokens = profile.MaxCompletionTokens,
            Latency = DelayDistributionFactory.Describe(profile.Latency),
            TimeToFirstToken = DelayDistributionFactory.Describe(profile.TimeToFirstToken),
            PerToken = DelayDistributionFactory.Describe(profile.PerToken),
            Faults = model.Faults.Current.ToOptions(),
            PendingScheduledFaults = model.Faults.Scheduled.Pending,
        };
    }

    public static void SetFaults(IEnumerable<ModelState> models, Configuration.FaultOptions options)
    {
        foreach (var model in models)
        {
            model.Faults.Set(FaultShares.Create(options, model.Name));
        }
    }

    public static void ClearFaults(IEnumerable<ModelState> models)
    {
        foreach (var model in models)
        {
            model.Faults.Clear(model.Name);
        }
    }

    public static void ScheduleFaults(IEnumerable<ModelState> models, FaultAction fault, int count)
    {
        foreach (var model in models)
        {
            model.Faults.Scheduled.Add(fault, count);
        }
    }

    public static void ChangeLatency(IEnumerable<ModelState> models, LatencyChange change)
    {
        // Built before any model changes, so invalid settings change nothing.
        var latency = change.Latency is null ? null : DelayDistributionFactory.Create(change.Latency, "latency");
        var firstToken = change.TimeToFirstToken is null ? null : DelayDistributionFactory.Create(change.TimeToFirstToken, "time_to_first_token");
        var perToken = change.PerToken is null ? null : DelayDistributionFactory.Create(change.PerToken, "per_token");
        foreach (var model in models)
        {
            var profile = model.Profile;
            model.Profile = profile with
            {
                Latency = latency ?? profile.Latency,
                TimeToFirstToken = firstToken ?? profile.TimeToFirstToken,
                PerToken = perToken ?? profile.PerToken,
            };
        }
    }

    public SimulatorStatsSnapshot Stats()
    {
        var snapshot = new SimulatorStatsSnapshot
        {
            StartedAt = _startedAt,
            Now = clock.GetUtcNow(),
            RejectedBadRequest = rejections.BadRequest,
            RejectedUnknownModel = rejections.UnknownModel,
        };
        foreach (var model in catalog.All)
        {
            snapshot.Models[model.Name] = model.Stats.Snapshot();
        }
        return snapshot;
    }

    public void ResetStats()
    {
        rejections.Clear();
        foreach (var model in catalog.All)
        {
            model.Stats.Clear();
        }
    }

    /// <summary>Everything back to configuration: profiles, faults, scheduled faults and counters.</summary>
    public void ResetAll()
    {
        foreach (var model in catalog.All)
        {
            model.Reset();
        }
        ResetStats();
    }
}
