using System.Diagnostics;

namespace Platform.Testing.Postgres;

/// <summary>
/// Drains a server's stdout/stderr (a full pipe would block the server) and keeps the last lines,
/// so a failed start-up can say why.
/// </summary>
internal sealed class ServerLog
{
    private const int MaxLines = 200;
    private readonly Queue<string> _lines = new();

    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Tail()
    {
        lock (_lines)
        {
            return string.Join('\n', _lines);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }
}
