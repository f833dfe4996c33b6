using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Platform.Testing.Peers;

/// <summary>
/// A peer program run as a child process: stdout arrives line by line, stderr is kept for failure messages.
/// Its stdin stays open so peers can exit when we go away; Dispose kills it (and its children) by PID.
/// </summary>
public sealed class PeerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _allLines = [];
    private readonly StringBuilder _stderr = new();

    private PeerProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public static PeerProcess Start(string fileName, string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["PYTHONIOENCODING"] = "utf-8";
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var peer = new PeerProcess(process);
        process.OutputDataReceived += (_, e) => peer.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) => peer.OnStderr(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>The next stdout line; throws with everything the peer printed if none arrives in time.</summary>
    public async Task<string> ReadLineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _lines.Reader.ReadAsync(cts.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            throw new InvalidOperationException($"The peer printed no further line within {timeout}.\n{Describe()}");
        }
    }

    /// <summary>Waits for the peer to exit and returns all its stdout lines; throws (with its output) on timeout.</summary>
    public async Task<IReadOnlyList<string>> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The peer did not exit within {timeout}.\n{Describe()}");
        }

        lock (_allLines)
        {
            return [.. _allLines];
        }
    }

    public int ExitCode => _process.ExitCode;

    public string Describe()
    {
        lock (_allLines)
        {
            lock (_stderr)
            {
                return $"stdout:\n{string.Join('\n', _allLines)}\nstderr:\n{_stderr}";
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            _lines.Writer.TryComplete();
            return;
        }

        lock (_allLines)
        {
            _allLines.Add(line);
        }

        _lines.Writer.TryWrite(line);
    }

    private void OnStderr(string? line)
    {
        if (line is not null)
        {
            lock (_stderr)
            {
                _stderr.AppendLine(line);
            }
        }
    }
}
