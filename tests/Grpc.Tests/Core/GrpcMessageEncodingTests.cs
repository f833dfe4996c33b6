using Grpc.Core.Wire;
using Xunit;

namespace Grpc.Tests.Core;

public sealed class GrpcMessageEncodingTests
{
    [Theory]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("100%", "100%25")]
    [InlineData("é", "%C3%A9")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("", "")]
    public void Encodes_per_spec(string message, string expected) => Assert.Equal(expected, GrpcMessageEncoding.Encode(message));

    [Theory]
    [InlineData("Budget épuisé ✓ 日本 🚀 100%")]
    [InlineData("tabs\tand\r\ncontrols\u0001")]
    public void Round_trips_unicode(string message)
    {
        var encoded = GrpcMessageEncoding.Encode(message);

        Assert.All(encoded, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(message, GrpcMessageEncoding.Decode(encoded));
    }

    [Fact]
    public void Round_trips_long_messages_beyond_the_stack_buffer()
    {
        var message = string.Concat(Enumerable.Repeat("日本語 %", 500));

        Assert.Equal(message, GrpcMessageEncoding.Decode(GrpcMessageEncoding.Encode(message)));
    }

    [Theory]
    [InlineData("50%", "50%")]
    [InlineData("%zz ok", "%zz ok")]
    [InlineData("%4", "%4")]
    [InlineData("%41%42", "AB")]
    public void Decoding_keeps_malformed_escapes_literally(string value, string expected) =>
        Assert.Equal(expected, GrpcMessageEncoding.Decode(value));
}
