using Google.Protobuf.WellKnownTypes;
using Platform.Common.V1;
using Platform.Routing.Catalog;
using Platform.Routing.V1;
using Domain = Platform.Routing.Vocabulary;

namespace Platform.Routing.Grpc;

/// <summary>Catalog models between the contract and the domain.</summary>
internal static class ModelMapper
{
    public static Model ToProto(ModelDefinition model)
    {
        var proto = new Model
        {
            Name = model.Name,
            Provider = model.Provider,
            BaseUrl = model.BaseUrl,
            UpstreamModel = model.UpstreamModel,
            ApiKeySecretName = model.ApiKeySecretName,
            Price = new ModelPrice { InputMicrosPerMtok = model.InputMicrosPerMTok, OutputMicrosPerMtok = model.OutputMicrosPerMTok },
            RpmLimit = model.RpmLimit,
            TpmLimit = model.TpmLimit,
            MaxConcurrency = model.MaxConcurrency,
            ContextWindowTokens = model.ContextWindowTokens,
            MaxOutputTokens = model.MaxOutputTokens,
            QualityClass = (QualityClass)(int)model.QualityClass,
            Enabled = model.Enabled,
            Weight = model.Weight,
            ApiFormat = ApiFormat.OpenaiChat,
            DisplayName = model.DisplayName,
            Etag = model.Etag,
        };
        proto.Capabilities.AddRange(model.Capabilities.Select(c => (Capability)(int)c));
        proto.Tags.AddRange(model.Tags);
        if (model.RequestTimeout is { } timeout)
            proto.RequestTimeout = Duration.FromTimeSpan(timeout);
        if (model.CreateTime is { } created)
            proto.CreateTime = Timestamp.FromDateTime(DateTime.SpecifyKind(created, DateTimeKind.Utc));
        if (model.UpdateTime is { } updated)
            proto.UpdateTime = Timestamp.FromDateTime(DateTime.SpecifyKind(updated, DateTimeKind.Utc));
        return proto;
    }

    /// <summary>Output-only fields are ignored; the etag is kept as the write's precondition.</summary>
    public static ModelDefinition ToDomain(Model? model)
    {
        if (model is null)
            throw Completions.RoutingException.InvalidArgument("model is required");
        var capabilities = model.Capabilities.Select(c => (Domain.Capability)(int)c).Where(c => c != Domain.Capability.Unspecified).ToList();
        if (!capabilities.Contains(Domain.Capability.Chat))
            capabilities.Insert(0, Domain.Capability.Chat);
        return new ModelDefinition
        {
            Name = model.Name,
            Provider = model.Provider,
            BaseUrl = model.BaseUrl,
            UpstreamModel = model.UpstreamModel,
            ApiKeySecretName = model.ApiKeySecretName,
            InputMicrosPerMTok = model.Price?.InputMicrosPerMtok ?? 0,
            OutputMicrosPerMTok = model.Price?.OutputMicrosPerMtok ?? 0,
            RpmLimit = model.RpmLimit,
            TpmLimit = model.TpmLimit,
            MaxConcurrency = model.MaxConcurrency,
            ContextWindowTokens = model.ContextWindowTokens,
            MaxOutputTokens = model.MaxOutputTokens,
            Capabilities = capabilities,
            QualityClass = (Domain.QualityClass)(int)model.QualityClass,
            Enabled = model.Enabled,
            Weight = model.Weight,
            Tags = [.. model.Tags],
            RequestTimeout = model.RequestTimeout?.ToTimeSpan(),
            DisplayName = model.DisplayName,
            Etag = model.Etag,
        };
    }
}
