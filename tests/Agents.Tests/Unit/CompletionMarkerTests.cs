using Platform.Agents.Loop;

namespace Platform.Agents.Tests.Unit;

public sealed class CompletionMarkerTests
{
    private static readonly string[] Markers = ["[DONE]", "[COMPLETE]"];

    [Theory]
    [InlineData("The answer is 42. [DONE]", "The answer is 42.")]
    [InlineData("[COMPLETE] Shipped.", "Shipped.")]
    [InlineData("All good [DONE] [COMPLETE]", "All good")]
    public void A_marker_completes_and_is_removed_from_the_result(string reply, string expected)
    {
        Assert.True(CompletionMarkers.TryComplete(reply, Markers, out var result));
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("Not done yet.")]
    [InlineData("[done] lower case is not the marker")]
    public void No_marker_no_completion(string reply)
    {
        Assert.False(CompletionMarkers.TryComplete(reply, Markers, out var result));
        Assert.Equal(reply, result);
    }
}
