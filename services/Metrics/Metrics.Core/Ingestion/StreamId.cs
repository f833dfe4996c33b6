namespace Platform.Metrics.Ingestion;

/// <summary>A stream entry id <c>ms-seq</c>, ordered as Redis orders them.</summary>
internal readonly record struct StreamId(ulong Milliseconds, ulong Sequence) : IComparable<StreamId>
{
    public static StreamId Parse(string text)
    {
        var dash = text.IndexOf('-');
        return dash < 0
            ? new StreamId(ulong.Parse(text), 0)
            : new StreamId(ulong.Parse(text.AsSpan(0, dash)), ulong.Parse(text.AsSpan(dash + 1)));
    }

    public static StreamId Min(StreamId a, StreamId b) => a.CompareTo(b) <= 0 ? a : b;

    public StreamId Next() => Sequence == ulong.MaxValue ? new StreamId(Milliseconds + 1, 0) : this with { Sequence = Sequence + 1 };

    public int CompareTo(StreamId other)
    {
        var c = Milliseconds.CompareTo(other.Milliseconds);
        return c != 0 ? c : Sequence.CompareTo(other.Sequence);
    }

    public override string ToString() => $"{Milliseconds}-{Sequence}";
}
