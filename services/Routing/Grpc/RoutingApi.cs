using Grpc.Core;
using Platform.Routing.Catalog;
using Platform.Routing.Completions;
using Platform.Routing.Health;
using Platform.Routing.V1;

namespace Platform.Routing.Grpc;

/// <summary>The gRPC face of the Routing service: maps the contract to the completion service, the catalog and model health.</summary>
public sealed class RoutingApi(CompletionService completions, CatalogAdmin admin, ModelCatalog catalog, ModelHealthQuery health) : RoutingService.RoutingServiceBase
{
    public override Task<CompleteResponse> Complete(CompleteRequest request, ServerCallContext context) => Rpc.Run(async () =>
        ResultMapper.ToProto(await completions.CompleteAsync(RequestMapper.ToDomain(request), context.Deadline, context.CancellationToken)));

    public override Task StreamComplete(StreamCompleteRequest request, IServerStreamWriter<StreamCompleteResponse> responseStream, ServerCallContext context) =>
        Rpc.Run(async () =>
        {
            await using var stream = await completions.StreamAsync(RequestMapper.ToDomain(request), context.Deadline, context.CancellationToken);
            await responseStream.WriteAsync(ResultMapper.ToProto(stream.Started));
            while (await stream.ReadAsync() is { } next)
                await responseStream.WriteAsync(ResultMapper.ToProto(next));
            return true;
        });

    public override Task<RouteResponse> Route(RouteRequest request, ServerCallContext context) => Rpc.Run(async () =>
        RouteMapper.ToProto(await completions.RouteAsync(RequestMapper.ToDomain(request), context.Deadline, context.CancellationToken)));

    public override Task<ListModelsResponse> ListModels(ListModelsRequest request, ServerCallContext context) => Rpc.Run(() =>
    {
        var filters = $"p={request.Provider}|t={request.Tag}|c={(int)request.Capability}|e={request.EnabledOnly}";
        var matching = catalog.Current.Models.Where(m =>
            (request.Provider.Length == 0 || m.Provider == request.Provider) &&
            (request.Tag.Length == 0 || m.HasTag(request.Tag)) &&
            (request.Capability == Capability.Unspecified || m.Has((Vocabulary.Capability)(int)request.Capability)) &&
            (!request.EnabledOnly || m.Enabled)).ToList();
        var (page, next) = PageToken.Paginate(matching, m => m.Name, request.PageSize, request.PageToken, filters);
        var response = new ListModelsResponse { NextPageToken = next };
        response.Models.AddRange(page.Select(ModelMapper.ToProto));
        return Task.FromResult(response);
    });

    public override Task<GetModelResponse> GetModel(GetModelRequest request, ServerCallContext context) => Rpc.Run(() =>
        Task.FromResult(new GetModelResponse { Model = ModelMapper.ToProto(admin.Get(request.Name)) }));

    public override Task<UpsertModelResponse> UpsertModel(UpsertModelRequest request, ServerCallContext context) => Rpc.Run(async () =>
    {
        var (model, created) = await admin.UpsertAsync(ModelMapper.ToDomain(request.Model), context.CancellationToken);
        return new UpsertModelResponse { Model = ModelMapper.ToProto(model), Created = created };
    });

    public override Task<DeleteModelResponse> DeleteModel(DeleteModelRequest request, ServerCallContext context) => Rpc.Run(async () =>
    {
        await admin.DeleteAsync(request.Name, request.Etag, request.AllowMissing, context.CancellationToken);
        return new DeleteModelResponse();
    });

    public override Task<GetModelHealthResponse> GetModelHealth(GetModelHealthRequest request, ServerCallContext context) => Rpc.Run(async () =>
        new GetModelHealthResponse { Health = HealthMapper.ToProto(await health.GetAsync(request.Model, context.CancellationToken)) });

    public override Task<ListModelHealthResponse> ListModelHealth(ListModelHealthRequest request, ServerCallContext context) => Rpc.Run(async () =>
    {
        var models = catalog.Current.Models.Where(m => request.Provider.Length == 0 || m.Provider == request.Provider).ToList();
        var (page, next) = PageToken.Paginate(models, m => m.Name, request.PageSize, request.PageToken, $"p={request.Provider}");
        var response = new ListModelHealthResponse { NextPageToken = next };
        response.Models.AddRange((await health.ListAsync(page, context.CancellationToken)).Select(HealthMapper.ToProto));
        return response;
    });
}
