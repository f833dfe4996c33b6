namespace Platform.Redis;

/// <summary>XPENDING summary: how many entries are delivered but not acknowledged, and by whom.</summary>
public sealed record StreamPendingInfo(
    long PendingMessageCount,
    RedisValue LowestPendingMessageId,
    RedisValue HighestPendingMessageId,
    StreamConsumer[] Consumers);

/// <summary>A consumer and how many entries it holds unacknowledged.</summary>
public readonly record struct StreamConsumer(RedisValue Name, long PendingMessageCount);

/// <summary>One line of XPENDING's extended form.</summary>
public readonly record struct StreamPendingMessageInfo(
    RedisValue MessageId,
    RedisValue ConsumerName,
    long IdleTimeInMilliseconds,
    long DeliveryCount);

/// <summary>XAUTOCLAIM's reply: where to continue, what was claimed, and pending ids whose entries no longer exist.</summary>
public sealed record StreamAutoClaimResult(RedisValue NextStartId, StreamEntry[] ClaimedEntries, RedisValue[] DeletedIds)
{
    public bool IsNull => NextStartId.IsNull;
}
