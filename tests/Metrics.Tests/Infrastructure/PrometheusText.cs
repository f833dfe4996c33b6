using System.Diagnostics;
using System.Text.Json;

namespace Platform.Metrics.Tests.Infrastructure;

/// <summary>
/// Parses a /metrics page with the official Python client's parser (Debian's python3-prometheus-client),
/// so the exposition is checked by an independent implementation. Returns family name -> type.
/// </summary>
public static class PrometheusText
{
    private const string Script = """
        import json, sys
        from prometheus_client.parser import text_string_to_metric_families
        print(json.dumps({f.name: f.type for f in text_string_to_metric_families(sys.stdin.read())}))
        """;

    public static async Task<Dictionary<string, string>> ParseAsync(string exposition)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"prometheus_client could not parse the page: {error}");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(output)!;
    }
}
