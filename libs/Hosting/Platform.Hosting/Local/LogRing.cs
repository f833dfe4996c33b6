namespace Platform.Hosting.Local;

/// <summary>The last lines a process wrote, kept to explain a failure.</summary>
internal sealed class LogRing(int capacity = 20)
{
    private readonly Queue<string> _lines = new(capacity);

    public void Add(string line)
    {
        lock (_lines)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_lines)
        {
            return _lines.ToArray();
        }
    }
}
