namespace Platform.Redis.Connection;

/// <summary>Counts kept by the single writer loop (so plain fields suffice; readers get a recent value).</summary>
internal sealed class WriteStatistics
{
    private long _commands;
    private long _flushes;

    public long Commands => Volatile.Read(ref _commands);

    public long Flushes => Volatile.Read(ref _flushes);

    public void RecordFlush(int commands)
    {
        Volatile.Write(ref _commands, _commands + commands);
        Volatile.Write(ref _flushes, _flushes + 1);
    }
}
