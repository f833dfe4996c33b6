using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.LlmSimulator.Configuration;
using Platform.LlmSimulator.Control;
using Platform.LlmSimulator.Faults;
using Platform.LlmSimulator.OpenAi;

namespace Platform.LlmSimulator.Endpoints;

/// <summary>The <c>/control</c> API: faults, latency, stats and reset at run time (see README).</summary>
public static class ControlEndpoints
{
    public static IEndpointRouteBuilder MapControlEndpoints(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/control");

        control.MapGet("/models", (SimulatorControl sim) =>
            TypedResults.Json(sim.Describe(), SimulatorJsonContext.Default.ListModelDescription));

        control.MapGet("/models/{model}/faults", (string model, SimulatorControl sim) =>
            sim.Targets(Decode(model)) is [var one]
                ? TypedResults.Json(one.Faults.Current.ToOptions(), SimulatorJsonContext.Default.FaultOptions)
                : ControlResults.UnknownModel(model));

        control.MapPut("/models/{model}/faults", PutFaultsAsync);
        control.MapDelete("/models/{model}/faults", (string model, SimulatorControl sim) =>
        {
            if (sim.Targets(Decode(model)) is not { } targets)
            {
                return ControlResults.UnknownModel(model);
            }
            SimulatorControl.ClearFaults(targets);
            return Results.NoContent();
        });
        control.MapPost("/models/{model}/fail-next", FailNextAsync);
        control.MapPut("/models/{model}/latency", PutLatencyAsync);

        control.MapGet("/stats", (SimulatorControl sim) =>
            TypedResults.Json(sim.Stats(), SimulatorJsonContext.Default.SimulatorStatsSnapshot));
        control.MapGet("/stats/{model}", (string model, SimulatorControl sim) =>
            sim.Stats().Models.TryGetValue(Decode(model), out var stats)
                ? TypedResults.Json(stats, SimulatorJsonContext.Default.ModelStatsSnapshot)
                : ControlResults.UnknownModel(model));
        control.MapPost("/stats/reset", (SimulatorControl sim) =>
        {
            sim.ResetStats();
            return Results.NoContent();
        });
        control.MapPost("/reset", (SimulatorControl sim) =>
        {
            sim.ResetAll();
            return Results.NoContent();
        });
        return app;
    }

    private static async Task<IResult> PutFaultsAsync(string model, HttpContext http, SimulatorControl sim)
    {
        var (options, error) = await JsonBody.ReadAsync(http, SimulatorJsonContext.Default.FaultOptions);
        error ??= FaultShares.Validate(options);
        if (error is not null)
        {
            return ControlResults.BadRequest(error);
        }
        if (sim.Targets(Decode(model)) is not { } targets)
        {
            return ControlResults.UnknownModel(model);
        }
        SimulatorControl.SetFaults(targets, options!);
        return TypedResults.Json(SimulatorControl.Describe(targets[0]).Faults, SimulatorJsonContext.Default.FaultOptions);
    }

    private static async Task<IResult> FailNextAsync(string model, HttpContext http, SimulatorControl sim)
    {
        var (request, error) = await JsonBody.ReadAsync(http, SimulatorJsonContext.Default.FailNextRequest);
        if (error is not null)
        {
            return ControlResults.BadRequest(error);
        }
        if (!TryCreateFault(request!, out var fault, out error))
        {
            return ControlResults.BadRequest(error);
        }
        if (sim.Targets(Decode(model)) is not { } targets)
        {
            return ControlResults.UnknownModel(model);
        }
        SimulatorControl.ScheduleFaults(targets, fault, request!.Count);
        var pending = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            pending[target.Name] = target.Faults.Scheduled.Pending;
        }
        return TypedResults.Json(pending, SimulatorJsonContext.Default.DictionaryStringInt32);
    }

    private static async Task<IResult> PutLatencyAsync(string model, HttpContext http, SimulatorControl sim)
    {
        var (change, error) = await JsonBody.ReadAsync(http, SimulatorJsonContext.Default.LatencyChange);
        if (error is not null)
        {
            return ControlResults.BadRequest(error);
        }
        if (sim.Targets(Decode(model)) is not { } targets)
        {
            return ControlResults.UnknownModel(model);
        }
        try
        {
            SimulatorControl.ChangeLatency(targets, change!);
        }
        catch (ArgumentException ex)
        {
            return ControlResults.BadRequest(ex.Message);
        }
        return targets.Count == 1
            ? TypedResults.Json(SimulatorControl.Describe(targets[0]), SimulatorJsonContext.Default.ModelDescription)
            : Results.NoContent();
    }

    private static bool TryCreateFault(FailNextRequest request, out FaultAction fault, out string error)
    {
        fault = FaultAction.None;
        error = string.Empty;
        if (request.Count < 1)
        {
            error = "count must be at least 1.";
            return false;
        }
        if (request.RetryAfterSeconds is < 0 || request.HangSeconds is < 0)
        {
            error = "retry_after_seconds and hang_seconds must not be negative.";
            return false;
        }
        switch (FaultKindNames.Parse(request.Fault))
        {
            case FaultKind.RateLimited:
                fault = FaultAction.RateLimited(request.RetryAfterSeconds ?? FaultShares.DefaultRetryAfterSeconds);
                return true;
            case FaultKind.ServerError when request.StatusCode is null or (>= 500 and <= 599):
                fault = FaultAction.ServerError(request.StatusCode ?? 500);
                return true;
            case FaultKind.Hang:
                fault = FaultAction.Hang(request.HangSeconds ?? FaultShares.DefaultHangSeconds);
                return true;
            case FaultKind.DropConnection:
                fault = FaultAction.Drop();
                return true;
            default:
                error = "fault must be rate_limited, server_error (status_code 5xx), hang or drop_connection.";
                return false;
        }
    }

    // Model names may contain '/', which a client must send as %2F; routing leaves that escaped.
    private static string Decode(string model) => model.Contains('%') ? Uri.UnescapeDataString(model) : model;
}
