namespace Platform.Redis;

/// <summary>A hash field and its value.</summary>
public readonly record struct HashEntry(RedisValue Name, RedisValue Value);

/// <summary>A sorted-set member and its score.</summary>
public readonly record struct SortedSetEntry(RedisValue Element, double Score);

/// <summary>A stream entry's field and value.</summary>
public readonly record struct NameValueEntry(RedisValue Name, RedisValue Value);
