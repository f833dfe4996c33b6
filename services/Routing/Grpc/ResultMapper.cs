using Platform.Common.V1;
using Platform.Routing.Completions;
using Platform.Routing.V1;

namespace Platform.Routing.Grpc;

/// <summary>Domain results and stream events to contract messages.</summary>
internal static class ResultMapper
{
    public static CompleteResponse ToProto(CompletionResult result)
    {
        var response = new CompleteResponse
        {
            Content = result.Content,
            FinishReason = (FinishReason)(int)result.FinishReason,
            Model = result.Model,
            Provider = result.Provider,
            Usage = new TokenUsage
            {
                InputTokens = result.Usage.InputTokens,
                OutputTokens = result.Usage.OutputTokens,
                TotalTokens = result.Usage.TotalTokens,
                CachedInputTokens = result.Usage.CachedInputTokens,
            },
            CostMicros = result.CostMicros,
            FallbackDepth = result.FallbackDepth,
            AttemptCount = result.AttemptCount,
            LatencyMs = result.LatencyMs,
            TimeToFirstTokenMs = result.TimeToFirstTokenMs,
            Strategy = (Strategy)(int)result.Strategy,
            RequestId = result.RequestId,
            CacheHit = result.CacheHit,
            Deduplicated = result.Deduplicated,
            ReservationId = result.ReservationId,
            Tier = (Tier)(int)result.Tier,
        };
        foreach (var attempt in result.Attempts)
        {
            response.Attempts.Add(new Attempt
            {
                Model = attempt.Model,
                Provider = attempt.Provider,
                Status = (AttemptStatus)(int)attempt.Status,
                HttpStatus = attempt.HttpStatus,
                LatencyMs = attempt.LatencyMs,
                BackoffMs = attempt.BackoffMs,
                ErrorMessage = attempt.ErrorMessage,
            });
        }
        return response;
    }

    public static StreamCompleteResponse ToProto(StreamEvent streamEvent) => streamEvent switch
    {
        Completions.StreamStarted started => new StreamCompleteResponse
        {
            Started = new V1.StreamStarted
            {
                RequestId = started.RequestId,
                Model = started.Model,
                Provider = started.Provider,
                FallbackDepth = started.FallbackDepth,
            },
        },
        StreamDelta delta => new StreamCompleteResponse { Delta = new ContentDelta { Content = delta.Content } },
        Completions.StreamCompleted completed => new StreamCompleteResponse { Completed = ToProto(completed.Result) },
        _ => throw new ArgumentOutOfRangeException(nameof(streamEvent), streamEvent.GetType().Name, "unknown stream event"),
    };
}
