using System.Buffers;

namespace Platform.Redis.Tests.Protocol;

/// <summary>Builds a multi-segment <see cref="ReadOnlySequence{T}"/>, the way a socket delivers bytes in arbitrary pieces.</summary>
internal static class SegmentedSequence
{
    public static ReadOnlySequence<byte> Create(byte[] bytes, IReadOnlyList<int> splitPoints)
    {
        var cuts = splitPoints.Where(p => p > 0 && p < bytes.Length).Distinct().Order().Append(bytes.Length).ToList();
        if (bytes.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        Segment? first = null;
        Segment? last = null;
        var start = 0;
        foreach (var cut in cuts)
        {
            var segment = new Segment(bytes.AsMemory(start, cut - start));
            if (first is null)
            {
                first = segment;
            }
            else
            {
                last!.Append(segment);
            }

            last = segment;
            start = cut;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    public static int[] RandomSplits(Random random, int length)
    {
        var count = random.Next(0, Math.Min(length, 8) + 1);
        return Enumerable.Range(0, count).Select(_ => random.Next(1, Math.Max(2, length))).ToArray();
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public void Append(Segment next)
        {
            next.RunningIndex = RunningIndex + Memory.Length;
            Next = next;
        }
    }
}
