namespace Platform.Routing.FrontDoor;

public static class FrontDoorEndpoints
{
    /// <summary>Maps the OpenAI-compatible routes, on the <c>http</c> endpoint only when Kestrel has one by that name.</summary>
    public static IEndpointRouteBuilder MapOpenAiFrontDoor(this IEndpointRouteBuilder app)
    {
        var completions = app.ServiceProvider.GetRequiredService<ChatCompletionsEndpoint>();
        var models = app.ServiceProvider.GetRequiredService<ModelsEndpoint>();
        app.MapPost("/v1/chat/completions", completions.HandleAsync);
        app.MapGet("/v1/models", models.HandleAsync);
        return app;
    }
}
