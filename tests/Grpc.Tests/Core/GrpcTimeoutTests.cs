using Grpc.Core.Wire;
using Xunit;

namespace Grpc.Tests.Core;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 3600_000_000_0L)]
    [InlineData("2M", 1200_000_000L)]
    [InlineData("5S", 50_000_000L)]
    [InlineData("5000m", 50_000_000L)]
    [InlineData("7u", 70L)]
    [InlineData("300n", 3L)]
    [InlineData("99999999H", 99_999_999L * 36_000_000_000L)]
    [InlineData("0n", 0L)]
    public void Parses_every_unit(string value, long expectedTicks)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(expectedTicks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("123456789S")]
    [InlineData("1.5S")]
    [InlineData("-1S")]
    [InlineData("5s")]
    [InlineData("5 S")]
    public void Rejects_malformed_values(string value) => Assert.False(GrpcTimeout.TryParse(value, out _));

    [Theory]
    [InlineData(5_000, "5S")]
    [InlineData(120_000, "2M")]
    [InlineData(7_200_000, "2H")]
    [InlineData(1_500, "1500m")]
    [InlineData(0, "0n")]
    public void Formats_in_the_coarsest_exact_unit(int milliseconds, string expected) =>
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void Formats_with_at_most_eight_digits_and_never_shortens_the_timeout()
    {
        var odd = TimeSpan.FromTicks(123_456_789_123L);

        var text = GrpcTimeout.Format(odd);

        Assert.True(text.Length <= 9, text);
        Assert.True(GrpcTimeout.TryParse(text, out var parsed));
        Assert.True(parsed >= odd);
    }

    [Fact]
    public void Caps_huge_and_negative_timeouts()
    {
        Assert.Equal("99999999H", GrpcTimeout.Format(TimeSpan.MaxValue));
        Assert.Equal("0n", GrpcTimeout.Format(TimeSpan.FromSeconds(-3)));
    }
}
