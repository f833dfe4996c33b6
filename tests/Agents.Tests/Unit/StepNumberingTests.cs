using Platform.Agents.Contexts;
using Platform.Agents.Loop;
using Platform.Agents.V1;

namespace Platform.Agents.Tests.Unit;

public sealed class StepNumberingTests
{
    [Theory]
    [InlineData(1, 1, StepPhase.Think)]
    [InlineData(2, 1, StepPhase.Act)]
    [InlineData(3, 1, StepPhase.Observe)]
    [InlineData(4, 2, StepPhase.Think)]
    [InlineData(300, 100, StepPhase.Observe)]
    public void Steps_map_to_iterations_and_phases(int step, int iteration, StepPhase phase)
    {
        Assert.Equal((iteration, phase), StepNumbering.Of(step));
    }

    [Fact]
    public void Context_refs_are_sha256_of_the_content()
    {
        var reference = ContextRefs.Of("abc");

        Assert.Equal("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", reference);
        Assert.True(ContextRefs.IsWellFormed(reference));
        Assert.False(ContextRefs.IsWellFormed(reference.ToUpperInvariant()));
        Assert.False(ContextRefs.IsWellFormed("sha256:abc"));
    }
}
