namespace Platform.Redis;

public partial interface IRedisCommands
{
    /// <summary>XADD [MAXLEN [~] n] id field value...; returns the entry id. <paramref name="messageId"/> defaults to <c>*</c>.</summary>
    ValueTask<RedisValue> StreamAddAsync(RedisKey key, NameValueEntry[] streamPairs, RedisValue? messageId = null, long? maxLength = null,
        bool useApproximateMaxLength = false, CancellationToken cancellationToken = default);

    /// <summary>XADD of a single field.</summary>
    ValueTask<RedisValue> StreamAddAsync(RedisKey key, RedisValue streamField, RedisValue streamValue, RedisValue? messageId = null, long? maxLength = null,
        bool useApproximateMaxLength = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// XREADGROUP for one stream. <paramref name="position"/> defaults to <c>&gt;</c> (new entries); <c>0</c> re-reads
    /// this consumer's pending entries. With <paramref name="block"/> the read runs on a dedicated connection and
    /// its timeout is the block time plus the command timeout; an empty array means nothing arrived.
    /// </summary>
    ValueTask<StreamEntry[]> StreamReadGroupAsync(RedisKey key, RedisValue groupName, RedisValue consumerName, RedisValue? position = null,
        int? count = null, bool noAck = false, TimeSpan? block = null, CancellationToken cancellationToken = default);

    /// <summary>XACK of one id.</summary>
    ValueTask<long> StreamAcknowledgeAsync(RedisKey key, RedisValue groupName, RedisValue messageId, CancellationToken cancellationToken = default);

    /// <summary>XACK; how many entries were acknowledged.</summary>
    ValueTask<long> StreamAcknowledgeAsync(RedisKey key, RedisValue groupName, RedisValue[] messageIds, CancellationToken cancellationToken = default);

    /// <summary>XGROUP CREATE [MKSTREAM]; false (not an error) when the group already exists (BUSYGROUP).</summary>
    ValueTask<bool> StreamCreateConsumerGroupAsync(RedisKey key, RedisValue groupName, RedisValue? position = null, bool createStream = true,
        CancellationToken cancellationToken = default);

    /// <summary>XPENDING summary.</summary>
    ValueTask<StreamPendingInfo> StreamPendingAsync(RedisKey key, RedisValue groupName, CancellationToken cancellationToken = default);

    /// <summary>XPENDING extended form: [IDLE ms] start end count [consumer].</summary>
    ValueTask<StreamPendingMessageInfo[]> StreamPendingMessagesAsync(RedisKey key, RedisValue groupName, int count, RedisValue consumerName = default,
        RedisValue? minId = null, RedisValue? maxId = null, long? minIdleTimeInMs = null, CancellationToken cancellationToken = default);

    /// <summary>XAUTOCLAIM: claims entries idle for at least <paramref name="minIdleTimeInMs"/>, scanning from <paramref name="startAtId"/>.</summary>
    ValueTask<StreamAutoClaimResult> StreamAutoClaimAsync(RedisKey key, RedisValue consumerGroup, RedisValue claimingConsumer, long minIdleTimeInMs,
        RedisValue startAtId, int? count = null, CancellationToken cancellationToken = default);

    /// <summary>XCLAIM of specific ids.</summary>
    ValueTask<StreamEntry[]> StreamClaimAsync(RedisKey key, RedisValue consumerGroup, RedisValue claimingConsumer, long minIdleTimeInMs,
        RedisValue[] messageIds, CancellationToken cancellationToken = default);

    /// <summary>XTRIM MAXLEN [~]; how many entries were removed.</summary>
    ValueTask<long> StreamTrimAsync(RedisKey key, long maxLength, bool useApproximateMaxLength = false, CancellationToken cancellationToken = default);

    /// <summary>XLEN.</summary>
    ValueTask<long> StreamLengthAsync(RedisKey key, CancellationToken cancellationToken = default);

    /// <summary>XRANGE / XREVRANGE between ids (defaults <c>-</c> and <c>+</c>).</summary>
    ValueTask<StreamEntry[]> StreamRangeAsync(RedisKey key, RedisValue? minId = null, RedisValue? maxId = null, int? count = null,
        Order messageOrder = Order.Ascending, CancellationToken cancellationToken = default);
}
