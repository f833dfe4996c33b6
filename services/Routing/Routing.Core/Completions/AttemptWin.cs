using Platform.Routing.Catalog;

namespace Platform.Routing.Completions;

/// <summary>The attempt that succeeded (for a stream: that started), still to be settled by the caller.</summary>
public sealed record AttemptWin<T>(T Value, ModelDefinition Model, int FallbackDepth, ActiveAttempt Attempt);
