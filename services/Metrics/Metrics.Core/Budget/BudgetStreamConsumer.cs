using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Metrics.Ingestion;
using Platform.Redis;

namespace Platform.Metrics.Budget;

/// <summary>Consumes the budget service's event stream for utilisation readings.</summary>
internal sealed class BudgetStreamConsumer(
    IRedisDatabase redis,
    BudgetEventIngester ingester,
    IOptions<IngestionOptions> options,
    ILogger<BudgetStreamConsumer> logger) : StreamGroupConsumer(redis, options, logger)
{
    protected override string Stream => Options.BudgetStream;

    protected override int BatchSize => 500;

    protected override Task HandleAsync(IReadOnlyList<StreamEntry> entries, CancellationToken stoppingToken) =>
        ingester.IngestAsync(entries, stoppingToken);
}
