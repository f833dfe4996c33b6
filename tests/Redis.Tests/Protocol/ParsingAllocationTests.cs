using System.Buffers;
using System.Text;
using Platform.Redis.Commands.Replies;
using Platform.Redis.Protocol;

namespace Platform.Redis.Tests.Protocol;

/// <summary>The reply hot path cuts and reads frames without allocating; only values handed to callers are copied.</summary>
public sealed class ParsingAllocationTests
{
    [Fact]
    public void Framing_nested_replies_and_reading_integers_and_status_replies_allocates_nothing()
    {
        var nested = Segmented("*3\r\n:1\r\n$5\r\nhello\r\n*2\r\n+OK\r\n$-1\r\n");
        var integer = Segmented(":123456\r\n");
        var ok = Segmented("+OK\r\n");
        Run(nested, integer, ok, 1_000); // warm up (JIT, tiering)

        // Steady state: the best of a few measurements, so a one-off runtime allocation (a tier-up,
        // a static initialised by something else on this thread) cannot masquerade as a per-frame cost.
        var fewest = long.MaxValue;
        for (var attempt = 0; attempt < 5 && fewest > 0; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var checksum = Run(nested, integer, ok, 10_000);
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(10_000L * 123457, checksum);
        }

        Assert.Equal(0, fewest);
    }

    [Fact]
    public void Reading_a_bulk_value_allocates_only_the_copy_handed_to_the_caller()
    {
        var frame = Segmented("$5\r\nhello\r\n");
        Read(frame);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var value = Read(frame);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("hello", (string?)value);
        Assert.InRange(allocated, 1, 64); // the 5-byte array and its header
    }

    private static long Run(ReadOnlySequence<byte> nested, ReadOnlySequence<byte> integer, ReadOnlySequence<byte> ok, int iterations)
    {
        long checksum = 0;
        for (var i = 0; i < iterations; i++)
        {
            Assert.True(RespScanner.TryFindFrameEnd(nested, out _));
            var reader = new RespReader(nested);
            reader.Skip();

            Assert.True(RespScanner.TryFindFrameEnd(integer, out _));
            var integerReader = new RespReader(integer);
            checksum += Int64Parser.Instance.Parse(ref integerReader, integerReader.Read());

            var okReader = new RespReader(ok);
            checksum += OkParser.Instance.Parse(ref okReader, okReader.Read()) ? 1 : 0;
        }

        return checksum;
    }

    private static RedisValue Read(ReadOnlySequence<byte> frame)
    {
        var reader = new RespReader(frame);
        return ValueParser.Instance.Parse(ref reader, reader.Read());
    }

    // Split so that reads cross segment boundaries, the case that is easiest to get wrong.
    private static ReadOnlySequence<byte> Segmented(string wire)
    {
        var bytes = Encoding.ASCII.GetBytes(wire);
        return SegmentedSequence.Create(bytes, [1, bytes.Length / 2, bytes.Length - 2]);
    }
}
