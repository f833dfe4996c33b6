using Platform.Agents.Loop;

namespace Platform.Agents.Tests.Unit;

public sealed class LoopDetectorTests
{
    [Fact]
    public void Identical_actions_trip_on_the_nth_repeat()
    {
        var detector = new LoopDetector(3);

        Assert.False(detector.Add("Check the status."));
        Assert.False(detector.Add("Check the status."));
        Assert.True(detector.Add("Check the status."));
    }

    [Fact]
    public void Case_spacing_punctuation_and_numbers_do_not_hide_a_loop()
    {
        var detector = new LoopDetector(3);

        detector.Add("Step 4: I will check the current status again before I continue.");
        detector.Add("step 5:  I will CHECK the current status again, before I continue!");

        Assert.True(detector.Add("Step 6: I will check the current status again before I continue"));
    }

    [Fact]
    public void A_different_action_resets_the_run()
    {
        var detector = new LoopDetector(3);

        detector.Add("Open the config file and read the port.");
        detector.Add("Open the config file and read the port.");
        Assert.False(detector.Add("Change the port to 8080 and restart the service."));
        Assert.False(detector.Add("Open the config file and read the port."));
        Assert.Equal(1, detector.CurrentRun);
    }

    [Fact]
    public void Mostly_equal_long_actions_count_as_near_same()
    {
        var text = string.Join(' ', Enumerable.Range(0, 60).Select(i => "word" + (char)('a' + i % 26) + (char)('a' + i / 26)));
        var detector = new LoopDetector(2);

        detector.Add(text);

        Assert.True(detector.Add(text + " extra"));
    }

    [Fact]
    public void Disabled_detection_never_trips()
    {
        var detector = new LoopDetector(-1);

        Assert.All(Enumerable.Range(0, 10), _ => Assert.False(detector.Add("same")));
    }
}
