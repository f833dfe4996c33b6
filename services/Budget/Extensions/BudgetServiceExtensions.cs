using Platform.Budget.V1;

namespace Microsoft.Extensions.Hosting;

/// <summary>The Budget service's own wiring, on top of ServiceDefaults.</summary>
public static class BudgetServiceExtensions
{
    public static IHostApplicationBuilder AddBudgetService(this IHostApplicationBuilder builder)
    {
        builder.AddGrpcHealthServiceName(BudgetService.Descriptor.FullName);
        return builder;
    }
}
