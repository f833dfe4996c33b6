namespace Platform.Metrics.Reports;

/// <summary>Report settings (configuration section <c>Metrics:Reports</c>).</summary>
public sealed class ReportOptions
{
    public const string SectionName = "Metrics:Reports";

    /// <summary>How long minute roll-ups are kept; older report edges round to whole hours.</summary>
    public TimeSpan MinuteRetention { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// Prices savings are measured against when a request names none. The default prices every token at
    /// claude-sonnet-4.5's list price ($15/MTok), the "same traffic on one premium model" comparison.
    /// </summary>
    public List<BaselineModelPrice> BaselinePrices { get; set; } = [];

    public IReadOnlyList<BaselineModelPrice> EffectiveBaselinePrices =>
        BaselinePrices.Count > 0 ? BaselinePrices : [new BaselineModelPrice { Model = "", InputMicrosPerMtok = 15_000_000, OutputMicrosPerMtok = 15_000_000 }];
}

/// <summary>What a model's tokens would cost at baseline prices; an empty model applies to every other model.</summary>
public sealed record BaselineModelPrice
{
    public string Model { get; init; } = "";
    public long InputMicrosPerMtok { get; init; }
    public long OutputMicrosPerMtok { get; init; }
}
