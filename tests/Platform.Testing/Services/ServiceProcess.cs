using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Testing.Services;

/// <summary>
/// A platform service started as a real process from its built assembly, configured only through
/// environment variables (as the AppHost and Kubernetes do), on free loopback ports.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process, Uri grpc, Uri http)
    {
        _process = process;
        GrpcEndpoint = grpc;
        HttpEndpoint = http;
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri GrpcEndpoint { get; }
    public Uri HttpEndpoint { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote, for assertion messages.</summary>
    public string RecentOutput => string.Join('\n', _output.TakeLast(40));

    /// <param name="projectName">The project's folder under services/, e.g. "Budget".</param>
    public static ServiceProcess Start(string projectName, IReadOnlyDictionary<string, string?> environment)
    {
        var dll = RepositoryPaths.ServiceAssembly(projectName);
        var grpc = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var http = new Uri($"http://127.0.0.1:{FreePort.Next()}");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        start.Environment["Kestrel__Endpoints__grpc__Url"] = grpc.ToString();
        start.Environment["Kestrel__Endpoints__http__Url"] = http.ToString();
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        return new ServiceProcess(process, grpc, http);
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200, failing with the process's output if it exits or times out.</summary>
    public async Task WaitUntilHealthyAsync(string path = "/health", TimeSpan? timeout = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Service exited with code {_process.ExitCode}:\n{RecentOutput}");
            try
            {
                using var response = await http.GetAsync(new Uri(HttpEndpoint, path));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Service at {HttpEndpoint} did not answer {path} with 200 in time:\n{RecentOutput}");
    }

    /// <summary>Hard kill, as a crashed node would die.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Capture(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        while (_output.Count > 400 && _output.TryDequeue(out _)) { }
    }
}
