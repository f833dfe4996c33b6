namespace Platform.Agents.Tasks;

/// <summary>Size limits of a task spec (beyond them a request is INVALID_ARGUMENT).</summary>
public static class TaskLimits
{
    public const int MaxGoalBytes = 64 * 1024;
    public const int MaxContextRefs = 16;
    public const int MaxLabels = 32;
    public const int MaxLabelKeyLength = 63;
    public const int MaxLabelValueLength = 256;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);
}
