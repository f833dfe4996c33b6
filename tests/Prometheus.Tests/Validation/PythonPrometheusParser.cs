using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Prometheus.Tests.Validation;

/// <summary>
/// The official Python client's parser (Debian's python3-prometheus-client), as a second opinion
/// from code we did not write.
/// </summary>
internal static class PythonPrometheusParser
{
    private const string Python = "/usr/bin/python3";

    // The parser is lax: a sample outside its declared family silently becomes an untyped ("unknown") family
    // of its own, so the caller checks for those. Values travel as repr() strings to keep inf/nan.
    private const string Script = """
        import json, sys
        from prometheus_client.parser import text_string_to_metric_families
        families = []
        for family in text_string_to_metric_families(sys.stdin.read()):
            families.append({
                "name": family.name,
                "type": family.type,
                "documentation": family.documentation,
                "samples": [{"name": s.name, "labels": s.labels, "value": repr(float(s.value))} for s in family.samples],
            })
        json.dump(families, sys.stdout)
        """;

    public static async Task<IReadOnlyList<PythonFamily>> ParseAsync(string exposition)
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException("/usr/bin/python3 is missing: apt-get install -y python3-prometheus-client");
        }

        var startInfo = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(Script);

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        if (process.ExitCode != 0)
        {
            var error = await stderr;
            var hint = error.Contains("No module named 'prometheus_client'")
                ? " Install it with: apt-get install -y python3-prometheus-client"
                : "";
            throw new InvalidOperationException($"The Python Prometheus parser rejected the exposition:{hint}\n{error}");
        }

        return JsonSerializer.Deserialize<List<PythonFamily>>(await stdout, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}

internal sealed record PythonFamily(string Name, string Type, string Documentation, List<PythonSample> Samples);

internal sealed record PythonSample(string Name, Dictionary<string, string> Labels, string Value)
{
    public double Number => Value switch
    {
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" => double.NaN,
        _ => double.Parse(Value, CultureInfo.InvariantCulture),
    };
}
