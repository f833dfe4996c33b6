using System.Buffers;

namespace Platform.Redis.Protocol;

/// <summary>
/// Walks one complete RESP frame (as cut by <see cref="RespScanner"/>) value by value. Nothing is
/// allocated: tokens point into the frame's buffer. Attributes (RESP3 <c>|</c>) are skipped.
/// </summary>
internal ref struct RespReader
{
    private SequenceReader<byte> _reader;

    public RespReader(in ReadOnlySequence<byte> frame) => _reader = new SequenceReader<byte>(frame);

    public readonly bool End => _reader.End;

    /// <summary>Reads the next value's header (and payload, for a scalar).</summary>
    public RespToken Read()
    {
        while (true)
        {
            var prefix = ReadPrefix();
            switch (prefix)
            {
                case RespPrefix.SimpleString or RespPrefix.SimpleError or RespPrefix.Integer or RespPrefix.Boolean
                    or RespPrefix.Double or RespPrefix.BigNumber:
                    return new RespToken(prefix, 0, ReadLine());

                case RespPrefix.Null:
                    ReadLine();
                    return new RespToken(prefix, -1, default);

                case RespPrefix.BulkString or RespPrefix.BulkError or RespPrefix.VerbatimString:
                    return ReadBulk(prefix);

                case RespPrefix.Array or RespPrefix.Set or RespPrefix.Push or RespPrefix.Map:
                    var count = RespLine.ParseInt64(ReadLine());
                    return new RespToken(prefix, count < 0 ? -1 : RespScanner.ElementsToRead(prefix, count), default);

                case RespPrefix.Attribute:
                    var entries = RespLine.ParseInt64(ReadLine());
                    for (long i = 0; i < entries * 2; i++)
                    {
                        Skip();
                    }

                    continue;

                default:
                    throw new RedisProtocolException($"Unexpected RESP type byte 0x{prefix:X2}.");
            }
        }
    }

    /// <summary>Reads an aggregate header and checks it is one.</summary>
    public long ReadAggregateCount(out bool isNull)
    {
        var token = Read();
        if (token.IsError)
        {
            throw token.ToServerException();
        }

        isNull = token.IsNull;
        if (isNull)
        {
            return 0;
        }

        return token.IsAggregate ? token.Count : throw token.Unexpected("an array");
    }

    /// <summary>Skips one whole value, nested aggregates included.</summary>
    public void Skip()
    {
        long pending = 1;
        while (pending > 0)
        {
            var token = Read();
            pending--;
            if (token.IsAggregate && token.Count > 0)
            {
                pending += token.Count;
            }
        }
    }

    /// <summary>The bytes of the next whole value, for handing a nested reply to another parser.</summary>
    public ReadOnlySequence<byte> ReadRawValue()
    {
        var start = _reader.Position;
        Skip();
        return _reader.Sequence.Slice(start, _reader.Position);
    }

    private byte ReadPrefix() =>
        _reader.TryRead(out var prefix) ? prefix : throw new RedisProtocolException("The reply ended early.");

    private ReadOnlySequence<byte> ReadLine() =>
        RespLine.TryRead(ref _reader, out var line) ? line : throw new RedisProtocolException("The reply ended early.");

    private RespToken ReadBulk(byte prefix)
    {
        var length = RespLine.ParseInt64(ReadLine());
        if (length < 0)
        {
            return new RespToken(prefix, -1, default);
        }

        var payload = _reader.Sequence.Slice(_reader.Position, length);
        _reader.Advance(length + 2);
        if (prefix == RespPrefix.VerbatimString && payload.Length >= 4)
        {
            payload = payload.Slice(4); // "txt:" / "mkd:" format marker
        }

        return new RespToken(prefix, 0, payload);
    }
}
