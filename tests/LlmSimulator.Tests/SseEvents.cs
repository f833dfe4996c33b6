using System.Text.Json.Nodes;

namespace Platform.LlmSimulator.Tests;

/// <summary>Splits a server-sent-events body into its data payloads, checking the framing on the way.</summary>
public static class SseEvents
{
    public static List<string> Parse(string body)
    {
        Assert.EndsWith("\n\n", body);
        var events = body[..^2].Split("\n\n");
        var data = new List<string>();
        foreach (var item in events)
        {
            Assert.StartsWith("data: ", item);
            Assert.DoesNotContain('\n', item);
            data.Add(item["data: ".Length..]);
        }
        return data;
    }

    /// <summary>The JSON chunks, after checking that the stream ends with [DONE] and nothing follows it.</summary>
    public static List<JsonNode> Chunks(string body)
    {
        var data = Parse(body);
        Assert.Equal("[DONE]", data[^1]);
        Assert.Equal(1, data.Count(d => d == "[DONE]"));
        return [.. data.Take(data.Count - 1).Select(d => JsonNode.Parse(d)!)];
    }

    public static string Content(IEnumerable<JsonNode> chunks) =>
        string.Concat(chunks.SelectMany(c => c["choices"]!.AsArray()).Select(choice => (string?)choice!["delta"]?["content"] ?? ""));
}
