using Platform.Routing.Completions;

namespace Platform.Routing.Catalog;

/// <summary>What UpsertModel accepts (routing_service.proto): names, URLs, non-negative prices and limits.</summary>
public static class ModelValidation
{
    public static void Validate(ModelDefinition model)
    {
        ValidateName(model.Name);
        if (string.IsNullOrWhiteSpace(model.Provider))
            throw Invalid("model.provider is required");
        if (!Uri.TryCreate(model.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw Invalid("model.base_url must be an absolute http or https URL");
        if (model.InputMicrosPerMTok < 0 || model.OutputMicrosPerMTok < 0)
            throw Invalid("model.price must not be negative");
        if (model.RpmLimit < 0 || model.TpmLimit < 0 || model.MaxConcurrency < 0)
            throw Invalid("model limits (rpm_limit, tpm_limit, max_concurrency) must not be negative");
        if (model.ContextWindowTokens <= 0)
            throw Invalid("model.context_window_tokens must be greater than 0");
        if (model.MaxOutputTokens < 0)
            throw Invalid("model.max_output_tokens must not be negative");
        if (model.Weight is < 0 or > 1000)
            throw Invalid("model.weight must be between 0 and 1000");
        if (model.RequestTimeout is { } timeout && timeout <= TimeSpan.Zero)
            throw Invalid("model.request_timeout must be positive");
        if (model.Tags.Any(string.IsNullOrWhiteSpace))
            throw Invalid("model.tags must not contain empty tags");
    }

    public static void ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name))
            throw Invalid("model name is required");
        if (name.Length > 128 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '/' or '-'))
            throw Invalid("model name must be 1-128 of [A-Za-z0-9._:/-]");
    }

    private static RoutingException Invalid(string message) => RoutingException.InvalidArgument(message);
}
