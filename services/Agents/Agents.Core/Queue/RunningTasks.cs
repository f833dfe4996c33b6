using System.Collections.Concurrent;

namespace Platform.Agents.Queue;

/// <summary>The tasks running on this replica, by id (for lease renewal, keep-alive and local cancellation).</summary>
public sealed class RunningTasks
{
    private readonly ConcurrentDictionary<string, RunningTask> _tasks = new(StringComparer.Ordinal);

    public int Count => _tasks.Count;

    public bool Contains(string taskId) => _tasks.ContainsKey(taskId);

    public bool TryAdd(RunningTask task) => _tasks.TryAdd(task.TaskId, task);

    public void Remove(RunningTask task) => _tasks.TryRemove(new KeyValuePair<string, RunningTask>(task.TaskId, task));

    public bool TryGet(string taskId, out RunningTask task) => _tasks.TryGetValue(taskId, out task!);

    public RunningTask[] Snapshot() => _tasks.Values.ToArray();
}
