namespace Platform.Routing.Vocabulary;

/// <summary>How a model is picked among eligible candidates. Values match platform.routing.v1.Strategy.</summary>
public enum Strategy
{
    Unspecified = 0,
    RoundRobin = 1,
    Weighted = 2,
    LeastLatency = 3,
    LeastBusy = 4,
    Cost = 5,
    Policy = 6,
}
