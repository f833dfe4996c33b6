namespace Platform.Redis;

/// <summary>A stream entry: its id and fields. <see cref="IsNull"/> when the entry was deleted but is still pending.</summary>
public readonly record struct StreamEntry(RedisValue Id, NameValueEntry[] Values)
{
    /// <summary>Redis entries always have a field, so no fields means the entry no longer exists.</summary>
    public bool IsNull => Id.IsNull || Values is null || Values.Length == 0;

    /// <summary>The value of a field, or null when the entry has no such field.</summary>
    public RedisValue this[RedisValue fieldName]
    {
        get
        {
            foreach (var entry in Values ?? [])
            {
                if (entry.Name == fieldName)
                {
                    return entry.Value;
                }
            }

            return RedisValue.Null;
        }
    }
}
