using System.Collections.Immutable;
using Platform.Budget.Domain;

namespace Platform.Budget.Registry;

/// <summary>One consistent view of the fleet configuration at a configuration version.</summary>
public sealed record RegistrySnapshot(long Version, FleetBudget Fleet, ImmutableSortedDictionary<string, Agent> Agents)
{
    public static RegistrySnapshot Empty { get; } =
        new(-1, FleetBudget.Default, ImmutableSortedDictionary.Create<string, Agent>(StringComparer.Ordinal));
}
