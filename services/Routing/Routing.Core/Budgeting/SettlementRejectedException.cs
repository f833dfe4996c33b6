namespace Platform.Routing.Budgeting;

/// <summary>The budget service answered a Commit/Release with a permanent refusal (not found, already settled differently): retrying cannot help.</summary>
public sealed class SettlementRejectedException(string message) : Exception(message);
