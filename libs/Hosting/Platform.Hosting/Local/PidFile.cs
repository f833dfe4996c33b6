namespace Platform.Hosting.Local;

/// <summary>
/// <c>{state}/pids</c>: every process this run started, one "pid name" line each. Children die with the AppHost
/// anyway (parent-death signal); the file lets a person or a test check that nothing survived.
/// </summary>
internal sealed class PidFile
{
    private readonly string _path;
    private readonly Lock _gate = new();

    public PidFile(string path)
    {
        _path = path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
    }

    public void Add(string name, int pid)
    {
        lock (_gate)
        {
            File.AppendAllText(_path, $"{pid} {name}\n");
        }
    }
}
