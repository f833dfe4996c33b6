using Platform.Routing.Upstream;

namespace Platform.Routing.Completions;

/// <summary>A provider stream that produced its first token (or ended cleanly), with the chunks read so far.</summary>
public sealed record OpenedStream(UpstreamStream Stream, IReadOnlyList<StreamChunk> Buffered, TimeSpan TimeToFirstToken, bool Ended);
