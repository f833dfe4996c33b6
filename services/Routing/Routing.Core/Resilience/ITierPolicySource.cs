using Platform.Routing.Vocabulary;

namespace Platform.Routing.Resilience;

/// <summary>Where tier retry policies come from (the budget service's fleet budget, cached).</summary>
public interface ITierPolicySource
{
    TierPolicy For(Tier tier);
}
