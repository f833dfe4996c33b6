using Platform.Budget.Grpc;
using Platform.Budget.Hosting;
using Platform.Budget.V1;

namespace Microsoft.Extensions.Hosting;

/// <summary>The Budget service's own wiring, on top of ServiceDefaults (which registers Redis, PostgreSQL and gRPC).</summary>
public static class BudgetServiceExtensions
{
    public static IHostApplicationBuilder AddBudgetService(this IHostApplicationBuilder builder)
    {
        builder.Services.AddBudgetCore(builder.Configuration);
        builder.Services.AddGrpc().AddServiceOptions<BudgetApi>(options => options.Interceptors.Add<BudgetErrorInterceptor>());
        builder.AddGrpcHealthServiceName(BudgetService.Descriptor.FullName);
        return builder;
    }
}
