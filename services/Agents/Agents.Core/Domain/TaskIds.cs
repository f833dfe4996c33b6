namespace Platform.Agents.Domain;

/// <summary>Server-assigned task ids: time-ordered (UUIDv7), so newer tasks sort after older ones.</summary>
public static class TaskIds
{
    public static string New() => "task_" + Guid.CreateVersion7().ToString("N");
}
