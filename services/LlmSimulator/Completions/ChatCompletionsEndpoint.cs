using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.LlmSimulator.Faults;
using Platform.LlmSimulator.Generation;
using Platform.LlmSimulator.Models;
using Platform.LlmSimulator.OpenAi;
using Platform.LlmSimulator.Stats;

namespace Platform.LlmSimulator.Completions;

/// <summary>
/// <c>POST /v1/chat/completions</c>: parse, find the model, check key and request, pick a fault, then
/// answer (JSON or SSE) after the simulated latency. Every request attributed to a model ends in
/// exactly one <see cref="RequestOutcome"/>; a client that goes away ends it as Cancelled.
/// </summary>
public sealed class ChatCompletionsEndpoint(ModelCatalog catalog, RejectionCounters rejections, TimeProvider clock)
{
    public async Task HandleAsync(HttpContext http)
    {
        var aborted = http.RequestAborted;
        ChatCompletionRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(http.Request.Body, SimulatorJsonContext.Default.ChatCompletionRequest, aborted);
        }
        catch (JsonException ex)
        {
            rejections.CountBadRequest();
            await OpenAiErrors.BadRequestAsync(http, $"We could not parse the JSON body of your request. ({ex.Message})");
            return;
        }
        catch (Exception) when (aborted.IsCancellationRequested)
        {
            return;
        }

        if (request?.Model is not { Length: > 0 } name)
        {
            rejections.CountBadRequest();
            await OpenAiErrors.BadRequestAsync(http, "You must provide a model parameter.", "model", "missing_required_parameter");
            return;
        }
        if (!catalog.TryGet(name, out var model))
        {
            rejections.CountUnknownModel();
            await OpenAiErrors.ModelNotFoundAsync(http, name);
            return;
        }

        model.Stats.Started();
        var outcome = RequestOutcome.Failed;
        try
        {
            outcome = await ServeAsync(http, model, request);
        }
        catch (Exception) when (aborted.IsCancellationRequested)
        {
            outcome = RequestOutcome.Cancelled;
        }
        finally
        {
            model.Stats.Finished(outcome);
        }
    }

    private async Task<RequestOutcome> ServeAsync(HttpContext http, ModelState model, ChatCompletionRequest request)
    {
        var profile = model.Profile;
        if (!ApiKeyCheck.IsAuthorized(http, profile.ApiKey, out var keyGiven))
        {
            await OpenAiErrors.UnauthorizedAsync(http, keyGiven);
            model.Stats.Responded(StatusCodes.Status401Unauthorized);
            return RequestOutcome.Unauthorized;
        }

        var overridesError = ReadOverrides(http, out var forcedFault, out var headerScript);
        var error = ChatRequestValidator.Validate(request) ?? overridesError;
        if (error is not null)
        {
            await OpenAiErrors.BadRequestAsync(http, error.Message, error.Param, error.Code);
            model.Stats.Responded(StatusCodes.Status400BadRequest);
            return RequestOutcome.BadRequest;
        }

        var fault = model.Faults.Next(forcedFault);
        if (fault.Kind is FaultKind.RateLimited or FaultKind.ServerError || (fault.Kind == FaultKind.DropConnection && !request.IsStreaming))
        {
            return await FaultResponder.RespondAsync(http, model, fault);
        }
        if (fault.Kind == FaultKind.Hang)
        {
            // Held until the client gives up (the delay throws on RequestAborted); if it outlasts the hang, it is answered normally.
            model.Stats.HangStarted();
            await Task.Delay(TimeSpan.FromSeconds(fault.HangSeconds), clock, http.RequestAborted);
        }

        var messages = request.Messages!;
        var facts = ConversationFacts.Gather(model.Name, request.Seed, messages);
        var script = headerScript ?? facts.Directive ?? profile.Script;
        using var text = CompletionComposer.Compose(profile, facts, script, request.EffectiveMaxTokens);
        var completion = new CompletionContext(model, profile, request, text, PromptTokenCounter.Count(messages), catalog.LatencyScale);
        return request.IsStreaming
            ? await StreamingCompletionResponder.RespondAsync(http, completion, clock, dropMidway: fault.Kind == FaultKind.DropConnection)
            : await JsonCompletionResponder.RespondAsync(http, completion, clock);
    }

    /// <summary>Reads the per-request test headers <c>x-sim-fault</c> and <c>x-sim-script</c>.</summary>
    private static ValidationError? ReadOverrides(HttpContext http, out FaultAction? fault, out CompletionScript? script)
    {
        fault = null;
        script = null;
        var faultHeader = http.Request.Headers[FaultDirective.HeaderName].ToString();
        if (faultHeader.Length > 0)
        {
            if (!FaultDirective.TryParse(faultHeader, out var parsed))
            {
                return new($"Invalid {FaultDirective.HeaderName} header '{faultHeader}' (rate_limited[:seconds], server_error[:5xx], hang[:seconds], drop_connection, none).", FaultDirective.HeaderName, "invalid_value");
            }
            fault = parsed;
        }
        var scriptHeader = http.Request.Headers[CompletionScript.HeaderName].ToString();
        if (scriptHeader.Length > 0)
        {
            if (!CompletionScript.TryParse(scriptHeader, out var parsed))
            {
                return new($"Invalid {CompletionScript.HeaderName} header '{scriptHeader}' (none, done-after:N, loop, never-done).", CompletionScript.HeaderName, "invalid_value");
            }
            script = parsed;
        }
        return null;
    }
}
