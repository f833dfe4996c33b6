using Platform.Budget.V1;

namespace Platform.Budget.Grpc;

/// <summary>
/// The gRPC face of the Budget service. RPCs not overridden here answer UNIMPLEMENTED with a message
/// naming the method (see ServiceDefaults' UnimplementedDetailInterceptor).
/// </summary>
public sealed class BudgetApi : BudgetService.BudgetServiceBase
{
}
