using Platform.LlmSimulator.Configuration;

namespace Platform.LlmSimulator.Latency;

/// <summary>Turns <see cref="LatencyOptions"/> into a <see cref="DelayDistribution"/>, rejecting incomplete settings loudly.</summary>
public static class DelayDistributionFactory
{
    public static DelayDistribution Create(LatencyOptions? options, string where)
    {
        if (options is null)
        {
            return DelayDistribution.Zero;
        }

        var kind = ParseKind(options, where);
        var min = options.MinMs ?? 0;
        var max = options.MaxMs ?? double.PositiveInfinity;
        if (min < 0 || max < min)
        {
            throw new ArgumentException($"{where}: MinMs/MaxMs must satisfy 0 <= MinMs <= MaxMs.");
        }

        switch (kind)
        {
            case DelayKind.Fixed:
                return DelayDistribution.Fixed(Require(options.Ms ?? options.MeanMs, where, "Ms"));
            case DelayKind.Uniform:
                if (options.MinMs is null || options.MaxMs is null)
                {
                    throw new ArgumentException($"{where}: a uniform latency needs MinMs and MaxMs.");
                }
                return new DelayDistribution(DelayKind.Uniform, (min + max) / 2, 0, min, max);
            default:
                var mean = Require(options.MeanMs, where, "MeanMs");
                var stdDev = options.StdDevMs ?? 0;
                if (stdDev < 0)
                {
                    throw new ArgumentException($"{where}: StdDevMs must not be negative.");
                }
                return new DelayDistribution(kind, mean, stdDev, min, max);
        }
    }

    private static DelayKind ParseKind(LatencyOptions options, string where)
    {
        var name = options.Distribution?.Trim().ToLowerInvariant();
        return name switch
        {
            null or "" => options.MeanMs is not null ? DelayKind.Normal
                : options.MinMs is not null && options.MaxMs is not null && options.Ms is null ? DelayKind.Uniform
                : DelayKind.Fixed,
            "fixed" or "constant" => DelayKind.Fixed,
            "uniform" => DelayKind.Uniform,
            "normal" or "gaussian" => DelayKind.Normal,
            "lognormal" or "log-normal" => DelayKind.LogNormal,
            _ => throw new ArgumentException($"{where}: unknown latency distribution '{options.Distribution}' (fixed, uniform, normal, lognormal)."),
        };
    }

    private static double Require(double? value, string where, string name)
    {
        if (value is null || value < 0)
        {
            throw new ArgumentException($"{where}: {name} is required and must not be negative.");
        }
        return value.Value;
    }

    /// <summary>The options that would recreate <paramref name="delay"/> (for the control API's descriptions).</summary>
    public static LatencyOptions Describe(DelayDistribution delay) => delay.Kind switch
    {
        DelayKind.Fixed => new LatencyOptions { Distribution = "fixed", Ms = delay.Mean },
        DelayKind.Uniform => new LatencyOptions { Distribution = "uniform", MinMs = delay.Min, MaxMs = delay.Max },
        DelayKind.Normal or DelayKind.LogNormal => new LatencyOptions
        {
            Distribution = delay.Kind == DelayKind.Normal ? "normal" : "lognormal",
            MeanMs = delay.Mean,
            StdDevMs = delay.StdDev,
            MinMs = delay.Min > 0 ? delay.Min : null,
            MaxMs = double.IsPositiveInfinity(delay.Max) ? null : delay.Max,
        },
        _ => new LatencyOptions { Distribution = "fixed", Ms = 0 },
    };
}
