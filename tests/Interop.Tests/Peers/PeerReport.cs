using System.Text.Json;

namespace Interop.Tests.Peers;

/// <summary>The JSON lines a peer client printed, one per check, looked up by check name.</summary>
public sealed class PeerReport
{
    private readonly Dictionary<string, JsonElement> _checks = [];

    public PeerReport(IEnumerable<string> lines, string peerOutput)
    {
        PeerOutput = peerOutput;
        foreach (var line in lines)
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            var element = JsonDocument.Parse(line).RootElement;
            if (element.TryGetProperty("check", out var name))
            {
                _checks[name.GetString()!] = element;
            }
        }
    }

    /// <summary>Everything the peer printed, for assertion messages.</summary>
    public string PeerOutput { get; }

    public JsonElement Check(string name) =>
        _checks.TryGetValue(name, out var element)
            ? element
            : throw new InvalidOperationException($"The peer reported no '{name}' check.\n{PeerOutput}");

    public int Code(string name) => Check(name).GetProperty("code").GetInt32();

    /// <summary>Asserts the status code of a check, showing everything the peer printed when it differs.</summary>
    public void AssertCode(string name, Grpc.Core.StatusCode expected)
    {
        var actual = Code(name);
        Xunit.Assert.True(actual == (int)expected, $"Check '{name}': expected status {(int)expected} ({expected}), got {actual}.\n{PeerOutput}");
    }

    public string? Text(string name, string property) =>
        Check(name).TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public int[] Integers(string name, string property) =>
        [.. Check(name).GetProperty(property).EnumerateArray().Select(item => item.GetInt32())];

    public string[] Strings(string name, string property) =>
        [.. Check(name).GetProperty(property).EnumerateArray().Select(item => item.GetString()!)];
}
