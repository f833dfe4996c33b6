using Platform.Testing.Redis;

namespace Platform.Budget.Tests.Infrastructure;

/// <summary>One replica shared by a test class whose tests do not disturb each other (IClassFixture).</summary>
public sealed class DeploymentFixture : IAsyncLifetime
{
    private BudgetDeployment? _deployment;

    public BudgetDeployment Deployment => _deployment ?? throw new InvalidOperationException("The deployment has not started.");

    public async Task InitializeAsync() =>
        _deployment = await BudgetDeployment.StartAsync((await SharedRedisServer.GetAsync()).ConnectionString);

    public async Task DisposeAsync()
    {
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }
    }
}
