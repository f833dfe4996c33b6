namespace Platform.Metrics.Reports;

/// <summary>A report or record request that can never succeed as asked (mapped to INVALID_ARGUMENT).</summary>
public sealed class ReportArgumentException(string message) : Exception(message);
