using Grpc.Net.Client;
using Platform.Budget.V1;
using Platform.Common.V1;

namespace Platform.Routing.LoadGenerator;

/// <summary>Registers the benchmark's agent with a budget large enough never to deny (budgets are still checked on every call).</summary>
internal static class AgentSetup
{
    public static async Task<int> MainAsync(Arguments args)
    {
        using var channel = GrpcChannel.ForAddress(args.Required("budget"));
        var client = new BudgetService.BudgetServiceClient(channel);
        var tokens = long.Parse(args.Optional("tokens") ?? "1000000000000");
        var response = await client.RegisterAgentAsync(new RegisterAgentRequest
        {
            Agent = new Agent
            {
                AgentId = args.Required("agent"),
                Tier = Tier.High,
                Team = "benchmark",
                Limits = new BudgetLimits { HourlyTokenLimit = tokens, DailyTokenLimit = tokens },
            },
        }, deadline: DateTime.UtcNow.AddSeconds(30));
        Console.WriteLine($"registered {response.Agent.AgentId} (created: {response.Created})");
        return 0;
    }
}
