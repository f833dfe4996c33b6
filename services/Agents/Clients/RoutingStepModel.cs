using Grpc.Core;
using Platform.Agents.Loop;
using Platform.Common.V1;
using Platform.Routing.V1;

namespace Platform.Agents.Clients;

/// <summary>
/// Each loop step as one routing.Complete: the gateway picks the model, reserves and commits the agent's
/// budget, falls back and retries. The step's idempotency key makes a repeated step (a retry, or a task
/// resumed after its worker died mid-call) return the first result instead of being billed again.
/// Cancelling the step cancels the gRPC call, which routing passes on to the provider.
/// </summary>
internal sealed class RoutingStepModel(RoutingService.RoutingServiceClient routing) : IStepModel
{
    public async Task<StepReply> CompleteAsync(StepCall call, CancellationToken cancellationToken)
    {
        var request = new CompleteRequest
        {
            AgentId = call.AgentId,
            Model = call.Policy.Model,
            Hints = call.Policy.Hints?.Clone() ?? new RoutingHints(),
            MaxTokens = call.MaxTokens,
            Temperature = call.Policy.Temperature,
            IdempotencyKey = call.IdempotencyKey,
            TaskId = call.TaskId,
        };
        request.Hints.MaxCostMicros = call.MaxCostMicros;
        foreach (var turn in call.Messages)
            request.Messages.Add(new ChatMessage { Role = turn.Role, Content = turn.Content, Name = turn.Name ?? "" });

        try
        {
            var response = await routing.CompleteAsync(request, deadline: call.Deadline, cancellationToken: cancellationToken);
            return new StepReply(response.Content, response.Model, response.Provider, response.Usage?.InputTokens ?? 0, response.Usage?.OutputTokens ?? 0,
                response.Usage?.CachedInputTokens ?? 0, response.CostMicros, response.FallbackDepth, response.RequestId);
        }
        catch (RpcException e)
        {
            throw RoutingFailures.From(e);
        }
    }
}
