namespace Platform.LlmSimulator.Stats;

public sealed class OutcomeCounts
{
    public long Ok { get; set; }
    public long RateLimited { get; set; }
    public long ServerError { get; set; }
    public long Dropped { get; set; }
    public long Cancelled { get; set; }
    public long BadRequest { get; set; }
    public long Unauthorized { get; set; }
    public long Failed { get; set; }
}
