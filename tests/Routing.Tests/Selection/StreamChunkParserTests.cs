using System.Text;
using Platform.Routing.Upstream;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Tests.Selection;

public sealed class StreamChunkParserTests
{
    private static StreamChunk Parse(string json) => StreamChunkParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Reads_content_finish_reason_usage_and_errors_and_skips_the_rest()
    {
        var delta = Parse("""{"id":"x","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi \u00e9"},"logprobs":null,"finish_reason":null}],"extra":{"a":[1,2]}}""");
        Assert.Equal("Hi é", delta.Content);
        Assert.Equal(FinishReason.Unspecified, delta.FinishReason);

        var last = Parse("""{"choices":[{"delta":{},"finish_reason":"length"}],"usage":{"prompt_tokens":12,"completion_tokens":30,"total_tokens":42,"prompt_tokens_details":{"cached_tokens":4}}}""");
        Assert.Null(last.Content);
        Assert.Equal(FinishReason.Length, last.FinishReason);
        Assert.Equal(new UpstreamUsage(12, 30, 4), last.Usage);

        Assert.Equal("overloaded", Parse("""{"error":{"message":"overloaded","type":"server_error"}}""").Error);
        Assert.Null(Parse("""{"choices":[{"delta":{"content":""}}]}""").Content);
    }
}
