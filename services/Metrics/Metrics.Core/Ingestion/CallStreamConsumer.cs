using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Redis;

namespace Platform.Metrics.Ingestion;

/// <summary>Consumes <c>metrics:calls</c> into PostgreSQL.</summary>
internal sealed class CallStreamConsumer(
    IRedisDatabase redis,
    CallBatchIngester ingester,
    IOptions<IngestionOptions> options,
    ILogger<CallStreamConsumer> logger) : StreamGroupConsumer(redis, options, logger)
{
    protected override string Stream => Options.CallStream;

    protected override int ReadLoops => Options.Writers;

    protected override Task HandleAsync(IReadOnlyList<StreamEntry> entries, CancellationToken stoppingToken) =>
        ingester.IngestAsync(entries, stoppingToken);
}
