using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;

namespace Platform.Routing.Upstream;

/// <summary>
/// An open SSE reply. <see cref="ReadAsync"/> returns the next chunk with content, a finish reason or
/// usage, or null at <c>data: [DONE]</c> / end of body. Lines are cut from the pipe's buffers; a chunk is
/// copied only when it straddles two buffers. A failure mid-stream throws <see cref="UpstreamStreamException"/>.
/// Disposing aborts the HTTP request if it is still running (the provider sees the connection close).
/// </summary>
public sealed class UpstreamStream : IAsyncDisposable
{
    private static readonly byte[] DataPrefix = "data:"u8.ToArray();
    private static readonly byte[] Done = "[DONE]"u8.ToArray();

    private readonly HttpResponseMessage _response;
    private readonly PipeReader _reader;
    private readonly CancellationTokenSource _attempt;
    private readonly CancellationToken _caller;
    private bool _finished;

    internal UpstreamStream(HttpResponseMessage response, Stream body, CancellationTokenSource attempt, CancellationToken caller)
    {
        _response = response;
        _reader = PipeReader.Create(body, new StreamPipeReaderOptions(bufferSize: 16 * 1024));
        _attempt = attempt;
        _caller = caller;
    }

    public async ValueTask<StreamChunk?> ReadAsync()
    {
        if (_finished)
            return null;
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync(_attempt.Token);
                var buffer = result.Buffer;
                while (TryReadLine(ref buffer, out var line))
                {
                    var chunk = ParseLine(line);
                    if (chunk is { } parsed)
                    {
                        _reader.AdvanceTo(buffer.Start);
                        if (parsed.Done)
                        {
                            _finished = true;
                            return null;
                        }
                        return parsed.Chunk;
                    }
                }
                _reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    _finished = true;
                    return null;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException or JsonException)
        {
            _finished = true;
            throw new UpstreamStreamException(UpstreamErrors.FromException(e, _attempt.IsCancellationRequested && !_caller.IsCancellationRequested, _caller.IsCancellationRequested));
        }
    }

    private static (bool Done, StreamChunk Chunk)? ParseLine(ReadOnlySequence<byte> line)
    {
        if (line.Length < DataPrefix.Length)
            return null;
        var reader = new SequenceReader<byte>(line);
        if (!reader.IsNext(DataPrefix, advancePast: true))
            return null;
        reader.IsNext((byte)' ', advancePast: true);
        var payload = line.Slice(reader.Position);
        if (payload.IsSingleSegment)
            return Parse(payload.FirstSpan);
        var copy = ArrayPool<byte>.Shared.Rent((int)payload.Length);
        try
        {
            payload.CopyTo(copy);
            return Parse(copy.AsSpan(0, (int)payload.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static (bool Done, StreamChunk Chunk)? Parse(ReadOnlySpan<byte> payload)
    {
        payload = payload.TrimEnd((byte)'\r');
        if (payload.SequenceEqual(Done))
            return (true, default);
        var chunk = StreamChunkParser.Parse(payload);
        // Role-only and empty chunks carry nothing the caller needs.
        return chunk.Content is null && chunk.Usage is null && chunk.Error is null && chunk.FinishReason == Vocabulary.FinishReason.Unspecified
            ? null
            : (false, chunk);
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var position = buffer.PositionOf((byte)'\n');
        if (position is null)
        {
            line = default;
            return false;
        }
        line = buffer.Slice(0, position.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, position.Value));
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished)
            await _attempt.CancelAsync();
        await _reader.CompleteAsync();
        _response.Dispose();
        _attempt.Dispose();
    }
}
