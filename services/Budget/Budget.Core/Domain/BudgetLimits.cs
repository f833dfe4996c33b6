namespace Platform.Budget.Domain;

/// <summary>
/// Spending limits over UTC-aligned windows; null means "no limit of this kind", zero is a real limit.
/// Tokens per hour and USD per day are the budgets tiers share (borrowing, reallocation); tokens per
/// day and USD per hour are caps an agent sets on itself.
/// </summary>
public readonly record struct BudgetLimits(long? HourlyTokens, long? DailyTokens, long? HourlyUsdMicros, long? DailyUsdMicros)
{
    public bool HasUsdLimit => HourlyUsdMicros is not null || DailyUsdMicros is not null;
}
