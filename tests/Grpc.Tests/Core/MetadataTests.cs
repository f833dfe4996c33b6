using Grpc.Core;
using Grpc.Core.Wire;
using Xunit;

namespace Grpc.Tests.Core;

public sealed class MetadataTests
{
    [Fact]
    public void Keys_are_lower_cased_and_the_last_value_wins_on_get()
    {
        var metadata = new Metadata { { "X-Tenant", "a" }, { "x-tenant", "b" } };

        Assert.Equal("x-tenant", metadata[0].Key);
        Assert.Equal("b", metadata.GetValue("X-TENANT"));
        Assert.Equal(["a", "b"], metadata.GetAll("x-tenant").Select(entry => entry.Value));
    }

    [Fact]
    public void Binary_keys_need_byte_values_and_string_keys_need_strings()
    {
        var metadata = new Metadata { { "blob-bin", new byte[] { 1, 2 } } };

        Assert.True(metadata[0].IsBinary);
        Assert.Equal([1, 2], metadata.GetValueBytes("blob-bin"));
        Assert.Throws<ArgumentException>(() => metadata.Add("blob-bin", "text"));
        Assert.Throws<ArgumentException>(() => metadata.Add("text", new byte[] { 1 }));
        Assert.Throws<InvalidOperationException>(() => metadata.GetValue("blob-bin"));
        Assert.Throws<InvalidOperationException>(() => metadata[0].Value);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("colon:")]
    [InlineData("ünïcode")]
    [InlineData("")]
    public void Invalid_key_characters_are_rejected(string key) =>
        Assert.ThrowsAny<ArgumentException>(() => new Metadata.Entry(key, "v"));

    [Fact]
    public void Empty_is_read_only()
    {
        Assert.True(Metadata.Empty.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => Metadata.Empty.Add("k", "v"));
    }

    [Fact]
    public void Binary_values_travel_as_unpadded_base64_and_either_form_is_accepted()
    {
        var bytes = new byte[] { 0xFB, 0xFF };

        var encoded = MetadataWire.EncodeBinary(bytes);

        Assert.DoesNotContain('=', encoded);
        Assert.Equal(bytes, MetadataWire.DecodeBinary(encoded));
        Assert.Equal(bytes, MetadataWire.DecodeBinary(Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void Status_from_trailers_decodes_the_message_and_treats_missing_status_as_unknown()
    {
        Assert.Equal(new Status(StatusCode.NotFound, "é"), GrpcStatusWire.FromTrailers("5", "%C3%A9"));
        Assert.Equal(StatusCode.Unknown, GrpcStatusWire.FromTrailers(null, null).StatusCode);
        Assert.Equal(StatusCode.Unknown, GrpcStatusWire.FromTrailers("abc", null).StatusCode);
        Assert.Equal(StatusCode.Unavailable, GrpcStatusWire.FromHttpStatus(503));
    }

    [Fact]
    public void Rpc_exception_exposes_status_and_trailers()
    {
        var trailers = new Metadata { { "k", "v" } };

        var exception = new RpcException(new Status(StatusCode.Aborted, "why"), trailers);

        Assert.Equal(StatusCode.Aborted, exception.StatusCode);
        Assert.Same(trailers, exception.Trailers);
        Assert.Equal("Status(StatusCode=\"Aborted\", Detail=\"why\")", exception.Message);
    }
}
