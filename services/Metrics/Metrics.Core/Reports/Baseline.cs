namespace Platform.Metrics.Reports;

/// <summary>Prices a model's tokens at baseline prices.</summary>
public sealed class Baseline
{
    private readonly Dictionary<string, BaselineModelPrice> _byModel;
    private readonly BaselineModelPrice? _default;

    public Baseline(IReadOnlyList<BaselineModelPrice> prices)
    {
        foreach (var price in prices)
        {
            if (price.InputMicrosPerMtok < 0 || price.OutputMicrosPerMtok < 0)
                throw new ReportArgumentException($"baseline price for '{price.Model}' is negative");
        }

        Prices = prices;
        _byModel = prices.Where(p => p.Model.Length > 0).GroupBy(p => p.Model).ToDictionary(g => g.Key, g => g.Last());
        _default = prices.LastOrDefault(p => p.Model.Length == 0);
    }

    public IReadOnlyList<BaselineModelPrice> Prices { get; }

    /// <summary>
    /// ceil((input * input_price + output * output_price) / 1e6), as a call's cost is computed. A model with
    /// no applicable baseline price is taken at its actual cost (no savings claimed either way).
    /// </summary>
    public long CostOf(string model, long inputTokens, long outputTokens, long actualCostMicros)
    {
        var price = _byModel.GetValueOrDefault(model) ?? _default;
        if (price is null)
            return actualCostMicros;
        var micros = (inputTokens * (decimal)price.InputMicrosPerMtok + outputTokens * (decimal)price.OutputMicrosPerMtok) / 1_000_000m;
        return (long)Math.Ceiling(micros);
    }
}
