using System.Buffers;
using System.Text;
using Platform.Redis.Commands.Replies;
using Platform.Redis.Protocol;

namespace Platform.Redis.Tests.Protocol;

/// <summary>
/// Every RESP2/RESP3 type, cut at random points the way a socket may deliver it: the scanner must say
/// "incomplete" for every strict prefix and find the exact end once all bytes are there, and the parsed
/// tree must not depend on where the cuts fell.
/// </summary>
public sealed class RespParsingTests
{
    private const int SplitsPerCase = 60;

    public static TheoryData<string, string> Cases => new()
    {
        { "+OK\r\n", "\"OK\"" },
        { "-ERR unknown command 'FOO'\r\n", "(error ERR unknown command 'FOO')" },
        { ":1234\r\n", "1234" },
        { ":-9223372036854775808\r\n", "-9223372036854775808" },
        { "$5\r\nhello\r\n", "\"hello\"" },
        { "$0\r\n\r\n", "\"\"" },
        { "$-1\r\n", "nil" },
        { "$12\r\nhello\r\nworld\r\n", "\"hello\r\nworld\"" },
        { "*0\r\n", "[]" },
        { "*-1\r\n", "nil" },
        { "*3\r\n:1\r\n$1\r\na\r\n*2\r\n+x\r\n$-1\r\n", "[1,\"a\",[\"x\",nil]]" },
        { "*1\r\n*1\r\n*1\r\n*1\r\n*0\r\n", "[[[[[]]]]]" },
        { "*2\r\n*-1\r\n-WRONGTYPE nested\r\n", "[nil,(error WRONGTYPE nested)]" },
        { "_\r\n", "nil" },
        { "#t\r\n", "\"1\"" },
        { "#f\r\n", "\"0\"" },
        { ",3.25\r\n", "\"3.25\"" },
        { ",-inf\r\n", "\"-inf\"" },
        { "(3492890328409238509324850943850943825024385\r\n", "\"3492890328409238509324850943850943825024385\"" },
        { "!21\r\nSYNTAX invalid syntax\r\n", "(error SYNTAX invalid syntax)" },
        { "=15\r\ntxt:Some string\r\n", "\"Some string\"" },
        { "%2\r\n+first\r\n:1\r\n+second\r\n:2\r\n", "%[\"first\",1,\"second\",2]" },
        { "~2\r\n+a\r\n+b\r\n", "~[\"a\",\"b\"]" },
        { ">2\r\n+message\r\n+hi\r\n", ">[\"message\",\"hi\"]" },
        { "|1\r\n+ttl\r\n:3600\r\n*2\r\n:1\r\n:2\r\n", "[1,2]" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_split_of_a_frame_is_incomplete_until_the_last_byte_then_parses_the_same(string wire, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(wire);
        var random = new Random(wire.GetHashCode());
        for (var attempt = 0; attempt < SplitsPerCase; attempt++)
        {
            var splits = SegmentedSequence.RandomSplits(random, bytes.Length);
            for (var length = 0; length < bytes.Length; length++)
            {
                var prefix = SegmentedSequence.Create(bytes[..length], splits);
                Assert.False(RespScanner.TryFindFrameEnd(prefix, out _), $"{length} of {bytes.Length} bytes must be incomplete");
            }

            var whole = SegmentedSequence.Create(bytes, splits);
            Assert.True(RespScanner.TryFindFrameEnd(whole, out var end));
            Assert.Equal(bytes.Length, whole.Slice(0, end).Length);
            Assert.Equal(expected, Parse(whole));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_frame_followed_by_the_next_one_ends_exactly_at_its_own_last_byte(string wire, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(wire + "+NEXT\r\n");
        var random = new Random(42);
        var sequence = SegmentedSequence.Create(bytes, SegmentedSequence.RandomSplits(random, bytes.Length));

        Assert.True(RespScanner.TryFindFrameEnd(sequence, out var end));
        var frame = sequence.Slice(0, end);
        Assert.Equal(Encoding.UTF8.GetByteCount(wire), frame.Length);
        Assert.Equal(expected, Parse(frame));
        Assert.True(RespScanner.TryFindFrameEnd(sequence.Slice(end), out _));
    }

    [Fact]
    public void A_big_bulk_string_split_anywhere_comes_back_byte_for_byte()
    {
        var payload = new byte[1 << 20];
        new Random(7).NextBytes(payload);
        var bytes = Encoding.ASCII.GetBytes($"*2\r\n${payload.Length}\r\n").Concat(payload).Concat("\r\n:5\r\n"u8.ToArray()).ToArray();
        var random = new Random(11);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var splits = Enumerable.Range(0, 20).Select(_ => random.Next(1, bytes.Length)).ToArray();
            foreach (var cut in splits.Append(bytes.Length - 1))
            {
                Assert.False(RespScanner.TryFindFrameEnd(SegmentedSequence.Create(bytes[..cut], splits), out _));
            }

            var whole = SegmentedSequence.Create(bytes, splits);
            Assert.True(RespScanner.TryFindFrameEnd(whole, out var end));
            Assert.Equal(bytes.Length, whole.Slice(0, end).Length);
            var reader = new RespReader(whole);
            var result = ResultParser.Instance.Parse(ref reader, reader.Read());
            Assert.Equal(payload, (byte[]?)result[0]);
            Assert.Equal(5, (long)result[1]);
        }
    }

    [Theory]
    [InlineData("?what\r\n")]
    [InlineData("$3\r\nabcd\r\n")]
    [InlineData("+OK\n")]
    public void Malformed_input_is_a_protocol_error(string wire)
    {
        var sequence = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(wire));
        Assert.Throws<RedisProtocolException>(() => RespScanner.TryFindFrameEnd(sequence, out _));
    }

    [Fact]
    public void A_non_numeric_integer_reply_is_a_protocol_error_when_read()
    {
        var sequence = new ReadOnlySequence<byte>(":12a\r\n"u8.ToArray());
        Assert.True(RespScanner.TryFindFrameEnd(sequence, out _));
        Assert.Throws<RedisProtocolException>(() =>
        {
            var reader = new RespReader(sequence);
            return reader.Read().GetInt64();
        });
    }

    private static string Parse(ReadOnlySequence<byte> frame)
    {
        var reader = new RespReader(frame);
        var result = ResultParser.Instance.Parse(ref reader, reader.Read());
        Assert.True(reader.End);
        return ResultFormatter.Format(result);
    }
}
