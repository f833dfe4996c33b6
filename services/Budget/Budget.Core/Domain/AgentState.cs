namespace Platform.Budget.Domain;

public enum AgentState
{
    Unspecified = 0,
    Active = 1,
    Retired = 2,
}
