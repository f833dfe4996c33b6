using System.Buffers;
using System.Text;
using Platform.Redis.Protocol;

namespace Platform.Redis.Tests.Protocol;

public sealed class RespCommandWriterTests
{
    [Fact]
    public void Every_argument_kind_is_written_as_a_bulk_string()
    {
        var output = new ArrayBufferWriter<byte>();
        RedisValue[] arguments = ["key", "é", new byte[] { 0, 13, 10 }, 42L, -1.5, double.PositiveInfinity, RedisValue.Null];

        RespCommandWriter.Write(output, CommandNames.Set, arguments);

        var expected = "*8\r\n$3\r\nSET\r\n$3\r\nkey\r\n$2\r\né\r\n$3\r\n\0\r\n\r\n$2\r\n42\r\n$4\r\n-1.5\r\n$4\r\n+inf\r\n$0\r\n\r\n";
        Assert.Equal(expected, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void A_slice_of_a_byte_array_is_written_without_its_surroundings()
    {
        var output = new ArrayBufferWriter<byte>();
        var buffer = "xxhelloxx"u8.ToArray();

        RespCommandWriter.Write(output, CommandNames.Get, [new ReadOnlyMemory<byte>(buffer, 2, 5)]);

        Assert.Equal("*2\r\n$3\r\nGET\r\n$5\r\nhello\r\n", Encoding.UTF8.GetString(output.WrittenSpan));
    }
}
